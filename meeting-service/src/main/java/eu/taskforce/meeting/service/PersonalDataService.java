package eu.taskforce.meeting.service;

import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MembershipReplica.PersonErased;
import eu.taskforce.platform.personaldata.Account;
import eu.taskforce.platform.personaldata.ExportLists;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.personaldata.PersonalDataHolder;
import eu.taskforce.platform.personaldata.RecordedAction;
import eu.taskforce.platform.personaldata.SubjectColumn;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.platform.personaldata.PersonalData.utc;

/**
 * What meeting-service holds about an account, for its export and erasure. By account name: individual invitations
 * (with the display name the AI Office gave) and calendar feeds. By token subject: calendar feeds, minutes comments,
 * votes cast for an organisation, and the columns that say who answered, filed, supported, decided, approved, published
 * or opened something. An erasure nulls the invitee's name on the invitation (which stays for the meeting's history),
 * deletes the feeds, and replaces the subjects by the pseudonym; comments and votes stay as the organisation's.
 */
@ApplicationScoped
public class PersonalDataService implements PersonalDataHolder {

    /** Columns that record who did something, by token subject; pseudonymised on erasure. */
    static final List<SubjectColumn> SUBJECT_COLUMNS = List.of(
            new SubjectColumn("invitation", "responded_by"),
            new SubjectColumn("meeting_request", "filed_by"),
            new SubjectColumn("meeting_request", "decided_by"),
            new SubjectColumn("meeting_request_support", "supported_by"),
            new SubjectColumn("minutes", "approved_by"),
            new SubjectColumn("minutes_comment", "author"),
            new SubjectColumn("meeting_summary", "published_by"),
            new SubjectColumn("decision", "opened_by"),
            new SubjectColumn("vote", "cast_by"));

    private final EntityManager entityManager;
    private final PersonalData personalData;

    public PersonalDataService(EntityManager entityManager, PersonalData personalData) {
        this.entityManager = entityManager;
        this.personalData = personalData;
    }

    @Schema(name = "MeetingPersonalDataInvitation", description = "An invitation addressed to the account")
    public record InvitationData(UUID id, UUID meetingId, String meetingTitle, String username, String displayName,
                                 UUID stakeholderId, String response, OffsetDateTime respondedAt, boolean attended,
                                 boolean withdrawn, OffsetDateTime createdAt) {
    }

    @Schema(name = "MeetingPersonalDataCalendarFeed", description = "A personal calendar feed of the account; never its"
            + " token (only its hash is stored, and the hash is not shown)")
    public record FeedData(UUID id, UUID organisationId, boolean aiOffice, OffsetDateTime createdAt,
                           OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    @Schema(name = "MeetingPersonalDataComment", description = "A comment on minutes the account wrote for its organisation")
    public record CommentData(UUID id, UUID meetingId, UUID organisationId, String text, OffsetDateTime createdAt) {
    }

    @Schema(name = "MeetingPersonalDataVote", description = "A vote the account cast for its organisation")
    public record VoteData(UUID decisionId, UUID organisationId, String choice, OffsetDateTime castAt) {
    }

    @Schema(name = "MeetingPersonalData", description = "Everything meeting-service holds about the calling account."
            + " Each list holds at most 200 entries, newest first; `truncated` names the lists that had more.")
    public record Export(Account account, OffsetDateTime exportedAt,
                         @Schema(description = "The lists that held more than 200 entries (only the newest are here)")
                         List<String> truncated,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<InvitationData> invitations,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<FeedData> calendarFeeds,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<CommentData> minutesComments,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<VoteData> votes,
                         @Schema(maxItems = PersonalData.LIST_LIMIT,
                                 description = "Records whose history names the account (answered, filed, approved...)")
                         List<RecordedAction> actions,
                         @Schema(maxItems = PersonalData.LIST_LIMIT, description = "Audit entries made under the"
                                 + " account's token subject") List<AuditTrail.Entry> audit) {
    }

    /** Everything this service holds about the calling account, each list newest first and bounded. */
    @Transactional
    public Export export() {
        Account account = personalData.caller();
        Set<String> subjects = Set.of(account.subject());
        String username = account.username() == null ? "" : account.username();
        Map<String, Object> bySubject = Map.of("subjects", subjects);
        ExportLists lists = new ExportLists();
        List<InvitationData> invitations = lists.cap("invitations", personalData.exportRows("""
                        select i.id, i.meeting_id, m.title, i.username, i.display_name, i.stakeholder_id, i.response,
                               i.responded_at, i.attended, i.withdrawn_at, i.created_at
                        from invitation i join meeting m on m.id = i.meeting_id
                        where lower(i.username) = lower(:username) order by i.created_at desc, i.id desc limit :limit""",
                Map.of("username", username)).stream()
                .map(r -> new InvitationData((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (UUID) r[5], (String) r[6], utc(r[7]), (Boolean) r[8], r[9] != null, utc(r[10]))).toList());
        List<FeedData> feeds = lists.cap("calendarFeeds", personalData.exportRows("""
                        select id, organisation_id, ai_office, created_at, last_used_at, revoked_at from calendar_feed
                        where subject in (:subjects) or lower(username) = lower(:username)
                        order by created_at desc, id desc limit :limit""",
                Map.of("subjects", subjects, "username", username)).stream()
                .map(r -> new FeedData((UUID) r[0], (UUID) r[1], (Boolean) r[2], utc(r[3]), utc(r[4]), utc(r[5])))
                .toList());
        List<CommentData> comments = lists.cap("minutesComments", personalData.exportRows("""
                        select id, meeting_id, organisation_id, text, created_at from minutes_comment
                        where author in (:subjects) order by created_at desc, id desc limit :limit""",
                bySubject).stream()
                .map(r -> new CommentData((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], utc(r[4]))).toList());
        List<VoteData> votes = lists.cap("votes", personalData.exportRows("""
                        select decision_id, organisation_id, choice, cast_at from vote
                        where cast_by in (:subjects) order by cast_at desc, decision_id desc limit :limit""",
                bySubject).stream()
                .map(r -> new VoteData((UUID) r[0], (UUID) r[1], (String) r[2], utc(r[3]))).toList());
        List<RecordedAction> actions = lists.cap("actions", personalData.recordedActions("""
                        select * from (
                          select 'Invitation' as type, id, 'RESPONDED_BY' as role, responded_at as at from invitation
                            where responded_by in (:subjects)
                          union all select 'MeetingRequest', id, 'FILED_BY', created_at from meeting_request
                            where filed_by in (:subjects)
                          union all select 'MeetingRequest', id, 'DECIDED_BY', decided_at from meeting_request
                            where decided_by in (:subjects)
                          union all select 'MeetingRequest', request_id, 'SUPPORTED_BY', supported_at
                            from meeting_request_support where supported_by in (:subjects)
                          union all select 'Minutes', meeting_id, 'APPROVED_BY', approved_at from minutes
                            where approved_by in (:subjects)
                          union all select 'MeetingSummary', meeting_id, 'PUBLISHED_BY', published_at from meeting_summary
                            where published_by in (:subjects)
                          union all select 'Decision', id, 'OPENED_BY', created_at from decision
                            where opened_by in (:subjects)
                        ) a order by at desc nulls last, id desc limit :limit""", subjects));
        List<AuditTrail.Entry> audit = lists.cap("audit", personalData.audit(subjects));
        return new Export(account, Timestamps.now().withOffsetSameInstant(ZoneOffset.UTC), lists.truncated(),
                invitations, feeds, comments, votes, actions, audit);
    }

    /**
     * Two kinds of rows record an account name together with its subject: calendar feeds (created with the owner's
     * token), and an individual's invitation answered by the invitee (only the invited account may answer it).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> subjectsOf(String username) {
        @SuppressWarnings("unchecked")
        List<String> subjects = entityManager.createNativeQuery("""
                        select subject from calendar_feed where lower(username) = lower(:username)
                        union select responded_by from invitation
                        where lower(username) = lower(:username) and responded_by is not null""", String.class)
                .setParameter("username", username).getResultList();
        Set<String> linked = new LinkedHashSet<>(subjects);
        linked.remove(PersonalData.PSEUDONYM);
        return linked;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(Set<String> subjects, String username) {
        Set<String> values = new LinkedHashSet<>();
        int rows = 0;
        if (username != null) {
            @SuppressWarnings("unchecked")
            List<String> names = entityManager.createNativeQuery("""
                            select display_name from invitation
                            where lower(username) = lower(:username) and display_name is not null""", String.class)
                    .setParameter("username", username).getResultList();
            values.addAll(names);
            // the invitation stays in the meeting's history, with nothing that names the person
            rows += entityManager.createNativeQuery("""
                            update invitation set username = null, display_name = null, stakeholder_id = null,
                                   erased_at = :now, updated_at = :now, version = version + 1
                            where lower(username) = lower(:username)""")
                    .setParameter("now", Timestamps.now()).setParameter("username", username).executeUpdate();
        }
        rows += entityManager.createNativeQuery("""
                        delete from calendar_feed where subject in (:subjects) or lower(username) = lower(:username)""")
                .setParameter("subjects", subjects.isEmpty() ? Set.of("") : subjects)
                .setParameter("username", username == null ? "" : username).executeUpdate();
        rows += personalData.pseudonymise(SUBJECT_COLUMNS, subjects);
        return new Erased(rows, values);
    }

    /**
     * A stakeholder erased in membership-service: the invitations that name that stakeholder lead to the account it
     * was invited with, whose data is erased here as a whole. A representative's id links to nothing here: meetings
     * invite organisations, and the replica keeps no account name.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPersonErased(@Observes PersonErased erased) {
        if (erased.stakeholderId() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> usernames = entityManager.createNativeQuery("""
                        select distinct lower(username) from invitation
                        where stakeholder_id = :stakeholder and username is not null""", String.class)
                .setParameter("stakeholder", erased.stakeholderId()).getResultList();
        for (String username : usernames) {
            personalData.eraseNamed(username, InvitationService.REPLICA);
        }
    }
}
