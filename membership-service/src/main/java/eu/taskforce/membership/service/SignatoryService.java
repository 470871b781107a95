package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.AdHocGroupParticipation;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.SignatureWithdrawn;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.domain.AdHocGroup;
import eu.taskforce.membership.domain.ChaptersChange;
import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Signatories of the Code, the chapters they signed, and their membership of the Taskforce. */
@ApplicationScoped
public class SignatoryService {

    static final String RECORD_TYPE = "Signatory";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock = Clock.systemUTC();

    public SignatoryService(Outbox outbox, AuditTrail audit, Access access) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
    }

    public record NewSignatory(String name, String country, String website, Set<Chapter> chapters,
                               LocalDate signedOn) {
    }

    /** The details the AI Office may change; {@code effectiveOn} dates a change of the chapters signed. */
    public record SignatoryChange(String name, String country, String website, Set<Chapter> chapters,
                                  LocalDate effectiveOn) {
    }

    public enum Status { SIGNED, WITHDRAWN }

    /** Filters of the signatory list; every one is optional. */
    public record Filter(String nameContains, Chapter chapter, String country, Status status, Boolean member,
                         LocalDate memberOn, OffsetDateTime updatedSince) {
    }

    @Transactional
    public Signatory register(NewSignatory request) {
        return register(UUID.randomUUID(), request, null, access.actor());
    }

    /** Registers a signatory with a given id: the reference data keeps its ids stable across installations. */
    @Transactional
    public Signatory register(UUID id, NewSignatory request, String source, Actor actor) {
        String name = request.name().strip();
        if (Signatory.count("lower(name) = lower(?1)", name) > 0) {
            throw ProblemException.conflict("A signatory named '" + name + "' is already registered");
        }
        Signatory signatory = new Signatory();
        signatory.id = id;
        signatory.name = name;
        signatory.country = request.country();
        signatory.website = request.website();
        signatory.chapters = EnumSet.copyOf(request.chapters());
        signatory.signedOn = request.signedOn();
        signatory.source = source;
        signatory.createdAt = Timestamps.now();
        signatory.updatedAt = signatory.createdAt;
        signatory.persist();
        ChaptersChange.of(id, signatory.chapters, signatory.signedOn, signatory.createdAt, actor.subject()).persist();
        outbox.add(EventTypes.SIGNATORY_REGISTERED, id, new SignatoryRegistered(id, signatory.name, signatory.country,
                signatory.website, signatory.chapters, signatory.signedOn));
        audit.record(actor, "SIGNATORY_REGISTERED", RECORD_TYPE, id);
        return signatory;
    }

    public Signatory get(UUID id) {
        return Signatory.<Signatory>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Signatory", id));
    }

    public boolean isMember(UUID signatoryId) {
        return Membership.current(signatoryId).isPresent();
    }

    /** Changes a signatory's details; a change of the chapters signed is added to their history. */
    @Transactional
    public Signatory update(UUID id, String ifMatch, SignatoryChange change) {
        Signatory signatory = get(id);
        Versions.requireMatch(ifMatch, signatory.version);
        String name = change.name().strip();
        if (Signatory.count("lower(name) = lower(?1) and id <> ?2", name, id) > 0) {
            throw ProblemException.conflict("A signatory named '" + name + "' is already registered");
        }
        boolean chaptersChanged = !signatory.chapters.equals(EnumSet.copyOf(change.chapters()));
        if (chaptersChanged && signatory.isWithdrawn()) {
            throw ProblemException.conflict(signatory.name + " withdrew its signature; its chapters can no longer change");
        }
        LocalDate effectiveOn = change.effectiveOn() != null ? change.effectiveOn() : today();
        if (chaptersChanged && effectiveOn.isBefore(signatory.signedOn)) {
            throw ProblemException.conflict("A change of chapters cannot take effect before the signature ("
                    + signatory.signedOn + ")");
        }
        signatory.name = name;
        signatory.country = change.country();
        signatory.website = change.website();
        if (chaptersChanged) {
            signatory.chapters.clear();
            signatory.chapters.addAll(change.chapters());
            ChaptersChange.of(id, signatory.chapters, effectiveOn, Timestamps.now(), access.subject()).persist();
        }
        signatory.updatedAt = Timestamps.now();
        outbox.add(EventTypes.SIGNATORY_UPDATED, id, new SignatoryUpdated(id, signatory.name, signatory.country,
                signatory.website, signatory.chapters, signatory.signedOn, effectiveOn));
        audit.record(access.actor(), chaptersChanged ? "SIGNATORY_CHAPTERS_CHANGED" : "SIGNATORY_UPDATED",
                RECORD_TYPE, id);
        Signatory.flush(); // so that the returned version, and so the ETag, is the new one
        return signatory;
    }

    /** The signatory withdraws its signature; a current membership ends with it. */
    @Transactional
    public Signatory withdraw(UUID id, String ifMatch, LocalDate withdrawnOn) {
        Signatory signatory = get(id);
        Versions.requireMatch(ifMatch, signatory.version);
        if (signatory.isWithdrawn()) {
            throw ProblemException.conflict(signatory.name + " already withdrew its signature on " + signatory.withdrawnOn);
        }
        LocalDate day = withdrawnOn != null ? withdrawnOn : today();
        if (day.isBefore(signatory.signedOn)) {
            throw ProblemException.conflict("A signature cannot be withdrawn before it was given (" + signatory.signedOn + ")");
        }
        Actor actor = access.actor();
        signatory.withdrawnOn = day;
        signatory.updatedAt = Timestamps.now();
        outbox.add(EventTypes.SIGNATURE_WITHDRAWN, id, new SignatureWithdrawn(id, day));
        audit.record(actor, "SIGNATURE_WITHDRAWN", RECORD_TYPE, id);
        Membership.current(id).ifPresent(m -> endMembership(signatory, m, day.isBefore(m.joinedOn) ? m.joinedOn : day,
                MembershipEnded.Reason.SIGNATURE_WITHDRAWN, actor));
        Signatory.flush();
        return signatory;
    }

    /** A signatory that has signed and not withdrawn joins the Taskforce; it may not be a member twice at once. */
    @Transactional
    public Membership join(UUID signatoryId, LocalDate joinedOn) {
        return join(signatoryId, joinedOn, access.actor());
    }

    @Transactional
    public Membership join(UUID signatoryId, LocalDate joinedOn, Actor actor) {
        Signatory signatory = get(signatoryId);
        if (signatory.isWithdrawn()) {
            throw ProblemException.conflict(signatory.name + " withdrew its signature of the Code on "
                    + signatory.withdrawnOn + " and cannot join the Taskforce");
        }
        if (Membership.current(signatoryId).isPresent()) {
            throw ProblemException.conflict(signatory.name + " is already a member of the Taskforce");
        }
        LocalDate day = joinedOn != null ? joinedOn : today();
        if (day.isBefore(signatory.signedOn)) {
            throw ProblemException.conflict("A signatory cannot join before it signed the Code (" + signatory.signedOn + ")");
        }
        List<Membership> history = Membership.history(signatoryId);
        if (!history.isEmpty() && !day.isAfter(history.get(history.size() - 1).leftOn)) {
            throw ProblemException.conflict(signatory.name + "'s previous membership ended on "
                    + history.get(history.size() - 1).leftOn + "; a new one must begin after that day");
        }
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.signatoryId = signatoryId;
        membership.joinedOn = day;
        membership.joinedBy = actor.subject();
        membership.createdAt = Timestamps.now();
        membership.updatedAt = membership.createdAt;
        membership.persist();
        signatory.updatedAt = Timestamps.now();
        outbox.add(EventTypes.MEMBERSHIP_STARTED, signatoryId,
                new MembershipStarted(signatoryId, membership.id, signatory.name, day));
        audit.record(actor, "MEMBERSHIP_STARTED", RECORD_TYPE, signatoryId);
        return membership;
    }

    /** The member leaves the Taskforce: recorded by the AI Office or by the organisation's own representative. */
    @Transactional
    public Membership leave(UUID signatoryId, LocalDate leftOn) {
        Signatory signatory = get(signatoryId);
        access.requireAiOfficeOrRepresentative(signatoryId);
        Membership membership = Membership.current(signatoryId).orElseThrow(() ->
                ProblemException.conflict(signatory.name + " is not a member of the Taskforce"));
        LocalDate day = leftOn != null ? leftOn : today();
        if (day.isBefore(membership.joinedOn)) {
            throw ProblemException.conflict("The membership began on " + membership.joinedOn
                    + "; it cannot end before that day");
        }
        endMembership(signatory, membership, day, MembershipEnded.Reason.LEFT, access.actor());
        return membership;
    }

    private void endMembership(Signatory signatory, Membership membership, LocalDate day, MembershipEnded.Reason reason,
                               Actor actor) {
        membership.leftOn = day;
        membership.leftBy = actor.subject();
        membership.endReason = reason;
        membership.updatedAt = Timestamps.now();
        signatory.updatedAt = Timestamps.now();
        outbox.add(EventTypes.MEMBERSHIP_ENDED, signatory.id,
                new MembershipEnded(signatory.id, membership.id, day, reason));
        audit.record(actor, "MEMBERSHIP_ENDED", RECORD_TYPE, signatory.id);
        // ad-hoc groups are made of members: a former member no longer takes part
        for (AdHocGroup group : AdHocGroup.withParticipant(signatory.id)) {
            group.participants.removeIf(p -> p.organisationId.equals(signatory.id));
            group.updatedAt = Timestamps.now();
            outbox.add(EventTypes.AD_HOC_GROUP_PARTICIPANT_REMOVED, group.id,
                    new AdHocGroupParticipation(group.id, signatory.id, signatory.name));
            audit.record(actor, "AD_HOC_GROUP_PARTICIPANT_REMOVED", GroupService.RECORD_TYPE, group.id);
        }
    }

    /** One page of signatories: by name, or by last change when {@code updatedSince} is given (for sync). */
    public Page<Signatory> search(Filter filter, String cursor, int limit) {
        KeysetQuery<Signatory> query = KeysetQuery.of(Signatory.class, "s", s -> s.id);
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            query.where("lower(s.name) like :name escape '\\'",
                    "name", "%" + likeEscaped(filter.nameContains().strip().toLowerCase()) + "%");
        }
        query.filter(":chapter member of s.chapters", "chapter", filter.chapter())
                .filter("s.country = :country", "country", filter.country());
        if (filter.status() != null) {
            query.where(filter.status() == Status.WITHDRAWN ? "s.withdrawnOn is not null" : "s.withdrawnOn is null");
        }
        if (filter.member() != null) {
            query.where((filter.member() ? "exists" : "not exists")
                    + " (from Membership m where m.signatoryId = s.id and m.leftOn is null)");
        }
        query.filter("exists (from Membership m where m.signatoryId = s.id and m.joinedOn <= :on"
                + " and (m.leftOn is null or m.leftOn >= :on))", "on", filter.memberOn());
        return query.byName("name", s -> s.name).changedSince(filter.updatedSince(), s -> s.updatedAt)
                .page(cursor, limit);
    }

    /** Of the given signatories, those that are members now. */
    public Set<UUID> currentMembers(List<UUID> signatoryIds) {
        if (signatoryIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Membership.<Membership>list("signatoryId in ?1 and leftOn is null", signatoryIds)
                .stream().map(m -> m.signatoryId).filter(Objects::nonNull).toList());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

}
