package eu.taskforce.meeting.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.DecisionSubject;
import eu.taskforce.contracts.meetings.DecisionThreshold;
import eu.taskforce.meeting.config.MeetingConfig;
import eu.taskforce.meeting.domain.Decision;
import eu.taskforce.meeting.domain.DecisionStatus;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingRequest;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.meeting.domain.Vote;
import eu.taskforce.meeting.domain.VoteChoice;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Taskforce decisions. The AI Office opens one, with a threshold, a quorum and what it decides; each current member
 * organisation casts one vote and may change it until the closing time; at closing the result is computed over the
 * votes of the organisations that are members then (no quorum when too few of them took part), and published with the
 * counts. Who voted how is for the AI Office and members only.
 */
@ApplicationScoped
public class DecisionService {

    public static final String RECORD_TYPE = "Decision";
    private static final Logger LOG = Logger.getLogger(DecisionService.class);
    private static final Actor CLOSER = Actor.system("decision-closing");

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;
    private final EntityManager entityManager;
    private final MeetingConfig config;

    public DecisionService(Outbox outbox, AuditTrail audit, Access access, EntityManager entityManager,
                           MeetingConfig config) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.entityManager = entityManager;
        this.config = config;
    }

    /** What the AI Office asks: the question, its threshold and quorum (null for the default), what it decides. */
    public record Question(String text, DecisionThreshold threshold, Integer quorum, OffsetDateTime closesAt,
                           UUID meetingId, DecisionSubject subject) {
    }

    public record Filter(DecisionStatus status, OffsetDateTime updatedSince) {
    }

    @Transactional
    public Decision open(Question question) {
        access.requireAiOffice();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        OffsetDateTime now = Timestamps.now();
        if (!question.closesAt().isAfter(now)) {
            errors.add("closesAt", "must be in the future");
        }
        UUID meetingId = question.meetingId();
        if (meetingId != null && Meeting.findById(meetingId) == null) {
            errors.add("meetingId", "no meeting " + meetingId + " exists");
        }
        checkSubject(question.subject(), errors);
        errors.throwIfAny();
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.question = question.text().strip();
        decision.threshold = question.threshold();
        decision.quorum = question.quorum() == null ? config.decisionDefaultQuorum() : question.quorum();
        decision.closesAt = MeetingService.utc(question.closesAt());
        decision.meetingId = meetingId;
        if (question.subject() != null) {
            decision.subjectKind = question.subject().kind();
            decision.subjectId = question.subject().id();
        }
        decision.status = DecisionStatus.OPEN;
        decision.openedBy = access.subject();
        decision.createdAt = now;
        decision.updatedAt = now;
        decision.persist();
        outbox.add(EventTypes.DECISION_OPENED, decision.id, new DecisionOpened(decision.id, decision.question,
                decision.threshold, decision.closesAt, meetingId, decision.quorum, decision.subject()));
        audit.record(access.actor(), "DECISION_OPENED", RECORD_TYPE, decision.id);
        Decision.flush();
        return decision;
    }

    /**
     * A meeting or a members' request is this service's own and must exist; a stakeholder or a guidance version belongs
     * to another service, whose id is taken as given (no service reads another's database).
     */
    private static void checkSubject(DecisionSubject subject, InvalidInput.Collector errors) {
        if (subject == null) {
            return;
        }
        boolean missing = switch (subject.kind()) {
            case MEETING -> Meeting.findById(subject.id()) == null;
            case MEETING_REQUEST -> MeetingRequest.findById(subject.id()) == null;
            case STAKEHOLDER_INVITATION, GUIDANCE_VERSION -> false;
        };
        if (missing) {
            errors.add("subject.id", "no " + subject.kind() + " " + subject.id() + " exists");
        }
    }

    public Decision get(UUID id) {
        return Decision.<Decision>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Decision", id));
    }

    /** Who voted how: the AI Office and representatives of member organisations only. */
    public boolean maySeeVotes() {
        return access.isAiOffice() || access.isMember();
    }

    /** The caller's organisation's vote, if it is a member that voted. */
    public Vote myVote(UUID decisionId) {
        UUID organisation = access.organisation().orElse(null);
        if (organisation == null) {
            return null;
        }
        return Vote.<Vote>find("key.decisionId = ?1 and key.organisationId = ?2", decisionId, organisation)
                .firstResult();
    }

    /**
     * A representative casts (or changes) its organisation's vote while the decision is open. The decision row is
     * read with a shared lock, so that the closing, which locks it exclusively, counts every vote accepted before it.
     */
    @Transactional
    public Vote vote(UUID decisionId, UUID organisationId, VoteChoice choice) {
        if (!access.represents(organisationId)) {
            throw ProblemException.forbidden("A representative votes for its own organisation only");
        }
        Decision decision = Decision.<Decision>findByIdOptional(decisionId, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> ProblemException.notFound("Decision", decisionId));
        OffsetDateTime now = Timestamps.now();
        if (decision.status != DecisionStatus.OPEN || !decision.closesAt.isAfter(now)) {
            throw ProblemException.conflict("Voting on this decision closed at " + decision.closesAt);
        }
        if (MemberOrganisation.currentMember(organisationId).isEmpty()) {
            throw ProblemException.conflict("Organisation " + organisationId
                    + " is not a current member of the Taskforce; only members vote");
        }
        entityManager.createNativeQuery("""
                        insert into vote (decision_id, organisation_id, choice, cast_by, cast_at, updated_at)
                        values (:decision, :organisation, :choice, :by, :now, :now)
                        on conflict (decision_id, organisation_id)
                        do update set choice = excluded.choice, cast_by = excluded.cast_by, updated_at = excluded.updated_at""")
                .setParameter("decision", decisionId).setParameter("organisation", organisationId)
                .setParameter("choice", choice.name()).setParameter("by", access.subject())
                .setParameter("now", now).executeUpdate();
        audit.record(access.actor(), "VOTE_CAST", RECORD_TYPE, decisionId);
        entityManager.clear();
        return Vote.find("key.decisionId = ?1 and key.organisationId = ?2", decisionId, organisationId).firstResult();
    }

    /** Closes every open decision whose closing time has passed; each in a transaction of its own. */
    @Scheduled(every = "${taskforce.meetings.decision-close-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeDueDecisions() {
        OffsetDateTime now = Timestamps.now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>list(
                "status = ?1 and closesAt <= ?2", DecisionStatus.OPEN, now).stream().map(d -> d.id).toList());
        for (UUID id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> close(id, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Decision %s could not be closed; the next pass tries again", id);
            }
        }
    }

    /** Computes and publishes the result, if the decision is still open and due (another instance may have closed it). */
    @Transactional(Transactional.TxType.MANDATORY)
    void close(UUID id, OffsetDateTime now) {
        Decision decision = Decision.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (decision == null || decision.status != DecisionStatus.OPEN || decision.closesAt.isAfter(now)) {
            return;
        }
        Set<UUID> members = MemberOrganisation.currentMembers().stream().map(o -> o.id).collect(Collectors.toSet());
        List<Vote> counted = Vote.<Vote>list("key.decisionId", id).stream()
                .filter(v -> members.contains(v.key.organisationId)).toList();
        int yes = (int) counted.stream().filter(v -> v.choice == VoteChoice.YES).count();
        int no = (int) counted.stream().filter(v -> v.choice == VoteChoice.NO).count();
        int abstain = (int) counted.stream().filter(v -> v.choice == VoteChoice.ABSTAIN).count();
        decision.status = DecisionStatus.CLOSED;
        decision.eligible = members.size();
        decision.result = Decision.result(decision.threshold, decision.quorum, members.size(), yes, no, abstain);
        decision.yes = yes;
        decision.no = no;
        decision.abstain = abstain;
        decision.closedAt = now;
        decision.updatedAt = now;
        outbox.add(EventTypes.DECISION_CLOSED, id, new DecisionClosed(id, decision.question, decision.threshold,
                decision.result, yes, no, abstain, now, decision.quorum, decision.eligible, decision.subject()));
        audit.record(CLOSER, "DECISION_CLOSED", RECORD_TYPE, id);
    }

    /** Votes of a decision, by organisation: the AI Office and members only. */
    public Page<Vote> votes(UUID decisionId, String cursor, int limit) {
        if (!maySeeVotes()) {
            throw ProblemException.forbidden("Who voted how is for the AI Office and members only");
        }
        get(decisionId);
        return KeysetQuery.of(Vote.class, "v").where("v.key.decisionId = :decision", "decision", decisionId)
                .byId("key.organisationId", v -> v.key.organisationId).page(cursor, limit);
    }

    /** One page of decisions, newest first; or, with {@code updatedSince}, by time of last change (for sync). */
    public Page<Decision> search(Filter filter, String cursor, int limit) {
        return KeysetQuery.of(Decision.class, "d", d -> d.id)
                .filter("d.status = :status", "status", filter.status())
                .newestFirst("createdAt", d -> d.createdAt)
                .changedSince(filter.updatedSince(), d -> d.updatedAt)
                .page(cursor, limit);
    }
}
