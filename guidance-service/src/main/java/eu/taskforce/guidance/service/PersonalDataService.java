package eu.taskforce.guidance.service;

import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MembershipReplica.PersonErased;
import eu.taskforce.platform.personaldata.Account;
import eu.taskforce.platform.security.Actor;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.platform.personaldata.PersonalData.utc;

/**
 * What guidance-service holds about an account, for its export and erasure. Only token subjects: who submitted
 * feedback (and each of its revisions) and evidence, who created documents, versions and windows, who closed a window
 * and who answered an item. No account name and no representative id is stored here, so the AI Office's erasure by
 * name reaches nothing of this service's own tables (the person's own erasure reaches everything). A stakeholder's
 * evidence names the register entry its account is linked to (ADR 0011): a stakeholder erased in membership-service
 * ({@code PersonErased}) leads to the accounts that submitted as it, erased here as a whole. Feedback is the
 * organisation's input and evidence a contribution to the Taskforce: both stay, without their author.
 */
@ApplicationScoped
public class PersonalDataService implements PersonalDataHolder {

    /** Columns that record who did something, by token subject; pseudonymised on erasure. */
    static final List<SubjectColumn> SUBJECT_COLUMNS = List.of(
            new SubjectColumn("guidance_document", "created_by"),
            new SubjectColumn("guidance_version", "created_by"),
            new SubjectColumn("input_window", "created_by"),
            new SubjectColumn("input_window", "closed_by"),
            new SubjectColumn("feedback", "submitted_by"),
            new SubjectColumn("feedback", "answered_by"),
            new SubjectColumn("feedback_revision", "changed_by"),
            new SubjectColumn("evidence", "submitted_by"));

    /** The author of an erasure announced by membership-service. */
    private static final Actor MEMBERSHIP_REPLICA = Actor.system("membership-replica");

    private final PersonalData personalData;
    private final EntityManager entityManager;

    public PersonalDataService(PersonalData personalData, EntityManager entityManager) {
        this.personalData = personalData;
        this.entityManager = entityManager;
    }

    @Schema(name = "GuidancePersonalDataFeedback", description = "A feedback item the account submitted for its"
            + " organisation, in its current state")
    public record FeedbackData(UUID id, UUID windowId, String sectionKey, UUID organisationId, String text,
                               String attribution, String visibility, boolean withdrawn, int revision,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               @Schema(description = "The replacement text it proposed for its section, if any")
                               String proposedText) {
    }

    @Schema(name = "GuidancePersonalDataRevision", description = "A state of a feedback item that the account made")
    public record RevisionData(UUID feedbackId, int revision, String sectionKey, String text, String attribution,
                               String visibility, boolean withdrawn, OffsetDateTime changedAt, String proposedText) {
    }

    @Schema(name = "GuidancePersonalDataEvidence", description = "An evidence submission of the account (never the"
            + " attached bytes: the submission's own address serves them)")
    public record EvidenceData(UUID id, String title, String summary, String type, String url, String visibility,
                               String attribution, String submitterRole, UUID organisationId, String attachmentName,
                               Long attachmentSize, OffsetDateTime createdAt,
                               @Schema(description = "The stakeholder of the register the account submitted as")
                               UUID stakeholderId) {
    }

    @Schema(name = "GuidancePersonalData", description = "Everything guidance-service holds about the calling account."
            + " Each list holds at most 200 entries, newest first; `truncated` names the lists that had more.")
    public record Export(Account account, OffsetDateTime exportedAt,
                         @Schema(description = "The lists that held more than 200 entries (only the newest are here)")
                         List<String> truncated,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<FeedbackData> feedback,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<RevisionData> feedbackRevisions,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<EvidenceData> evidence,
                         @Schema(maxItems = PersonalData.LIST_LIMIT,
                                 description = "Records whose history names the account (created, closed, answered)")
                         List<RecordedAction> actions,
                         @Schema(maxItems = PersonalData.LIST_LIMIT, description = "Audit entries made under the"
                                 + " account's token subject") List<AuditTrail.Entry> audit) {
    }

    /** Everything this service holds about the calling account, each list newest first and bounded. */
    @Transactional
    public Export export() {
        Account account = personalData.caller();
        Set<String> subjects = Set.of(account.subject());
        Map<String, Object> bySubject = Map.of("subjects", subjects);
        ExportLists lists = new ExportLists();
        List<FeedbackData> feedback = lists.cap("feedback", personalData.exportRows("""
                        select id, window_id, section_key, organisation_id, text, attribution, visibility, withdrawn,
                               revision, created_at, updated_at, proposed_text
                        from feedback where submitted_by in (:subjects)
                        order by created_at desc, id desc limit :limit""", bySubject).stream()
                .map(r -> new FeedbackData((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4],
                        (String) r[5], (String) r[6], (Boolean) r[7], ((Number) r[8]).intValue(), utc(r[9]),
                        utc(r[10]), (String) r[11])).toList());
        List<RevisionData> revisions = lists.cap("feedbackRevisions", personalData.exportRows("""
                        select feedback_id, revision, section_key, text, attribution, visibility, withdrawn, changed_at,
                               proposed_text
                        from feedback_revision where changed_by in (:subjects)
                        order by changed_at desc, feedback_id desc, revision desc limit :limit""", bySubject).stream()
                .map(r -> new RevisionData((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (Boolean) r[6], utc(r[7]), (String) r[8])).toList());
        List<EvidenceData> evidence = lists.cap("evidence", personalData.exportRows("""
                        select id, title, summary, type, url, visibility, attribution, submitter_role, organisation_id,
                               attachment_name, attachment_size, created_at, stakeholder_id
                        from evidence where submitted_by in (:subjects)
                        order by created_at desc, id desc limit :limit""", bySubject).stream()
                .map(r -> new EvidenceData((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], (String) r[7], (UUID) r[8], (String) r[9],
                        r[10] == null ? null : ((Number) r[10]).longValue(), utc(r[11]), (UUID) r[12])).toList());
        List<RecordedAction> actions = lists.cap("actions", personalData.recordedActions("""
                        select * from (
                          select 'GuidanceDocument' as type, id, 'CREATED_BY' as role, created_at as at
                            from guidance_document where created_by in (:subjects)
                          union all select 'GuidanceVersion', id, 'CREATED_BY', created_at from guidance_version
                            where created_by in (:subjects)
                          union all select 'InputWindow', id, 'CREATED_BY', created_at from input_window
                            where created_by in (:subjects)
                          union all select 'InputWindow', id, 'CLOSED_BY', closed_at from input_window
                            where closed_by in (:subjects)
                          union all select 'Feedback', id, 'ANSWERED_BY', answered_at from feedback
                            where answered_by in (:subjects)
                        ) a order by at desc nulls last, id desc limit :limit""", subjects));
        List<AuditTrail.Entry> audit = lists.cap("audit", personalData.audit(subjects));
        return new Export(account, Timestamps.now().withOffsetSameInstant(ZoneOffset.UTC), lists.truncated(),
                feedback, revisions, evidence, actions, audit);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(Set<String> subjects, String username) {
        return new Erased(personalData.pseudonymise(SUBJECT_COLUMNS, subjects), Set.of());
    }

    /**
     * A stakeholder erased in membership-service: the accounts that submitted evidence as that stakeholder are erased
     * here as a whole, and the evidence no longer names the stakeholder.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPersonErased(@Observes PersonErased erased) {
        if (erased.stakeholderId() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> subjects = Set.copyOf(entityManager.createNativeQuery(
                        "select distinct submitted_by from evidence where stakeholder_id = :stakeholder", String.class)
                .setParameter("stakeholder", erased.stakeholderId()).getResultList());
        personalData.eraseSubjects(subjects, MEMBERSHIP_REPLICA);
        entityManager.createNativeQuery("update evidence set stakeholder_id = null where stakeholder_id = :stakeholder")
                .setParameter("stakeholder", erased.stakeholderId()).executeUpdate();
    }
}
