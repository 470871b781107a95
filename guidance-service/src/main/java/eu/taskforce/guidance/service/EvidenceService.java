package eu.taskforce.guidance.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.guidance.config.GuidanceConfig;
import eu.taskforce.guidance.domain.Evidence;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.attachment.ChunkStore;
import eu.taskforce.platform.attachment.StoredDocument;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jakarta.persistence.LockModeType;

import javax.sql.DataSource;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Evidence and research submissions from the AI Office, members and stakeholders. A CONFIDENTIAL submission is read
 * by the AI Office and its submitter only (a member's: its organisation); only PUBLIC ones are announced. The attached
 * document is size-limited, typed by its bytes (see {@link eu.taskforce.platform.attachment.AttachmentTypes}) and stored in PostgreSQL in chunks, with its
 * SHA-256; it is streamed in and out, never whole in memory.
 */
@ApplicationScoped
public class EvidenceService {

    public static final String RECORD_TYPE = "Evidence";

    private final Access access;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final GuidanceConfig config;
    private final DataSource dataSource;

    public EvidenceService(Access access, Outbox outbox, AuditTrail audit, EntityManager entityManager,
                           GuidanceConfig config, DataSource dataSource) {
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.entityManager = entityManager;
        this.config = config;
        this.dataSource = dataSource;
    }

    public record Submission(String title, String summary, EvidenceType type, String url, List<String> codeReferences,
                             String codeEdition, Visibility visibility, Attribution attribution) {
    }

    public record Filter(EvidenceType type, String codeReference, OffsetDateTime updatedSince) {
    }

    /** Chunks in evidence_attachment_chunk, owned by an evidence row that keeps the digest. */
    private static final ChunkStore DOCUMENTS = new ChunkStore("evidence_attachment_chunk", "evidence_id", "evidence",
            "attachment_sha256");

    @Transactional
    public Evidence submit(Submission submission) {
        SubmitterRole role = access.submitterRole();
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.title = submission.title().strip();
        evidence.summary = submission.summary().strip();
        evidence.type = submission.type();
        evidence.url = submission.url().strip();
        evidence.codeReferences.addAll(CodeReferences.normalise(submission.codeReferences()));
        evidence.codeEdition = submission.codeEdition();
        evidence.visibility = submission.visibility();
        evidence.attribution = submission.attribution() == null ? Attribution.ATTRIBUTED : submission.attribution();
        evidence.submitterRole = role;
        evidence.organisationId = role == SubmitterRole.MEMBER ? access.organisation().orElseThrow() : null;
        evidence.stakeholderId = role == SubmitterRole.STAKEHOLDER ? access.submittingStakeholder().orElse(null) : null;
        evidence.submittedBy = access.subject();
        evidence.createdAt = Timestamps.now();
        evidence.updatedAt = evidence.createdAt;
        evidence.persist();
        if (evidence.isPublic()) {
            boolean attributed = evidence.organisationId != null && evidence.attribution == Attribution.ATTRIBUTED;
            outbox.add(EventTypes.EVIDENCE_SUBMITTED, evidence.id, new EvidenceSubmitted(evidence.id, evidence.title,
                    evidence.summary, evidence.type, evidence.url, List.copyOf(evidence.codeReferences), role,
                    evidence.attribution, attributed ? evidence.organisationId : null,
                    attributed ? MemberOrganisation.nameOf(evidence.organisationId) : null, evidence.createdAt,
                    evidence.codeEdition,
                    evidence.attribution == Attribution.ATTRIBUTED ? evidence.stakeholderId : null));
        }
        audit.record(access.actor(), "EVIDENCE_SUBMITTED", RECORD_TYPE, evidence.id);
        Evidence.flush();
        return evidence;
    }

    /** A submission the caller may read; 404 otherwise (a CONFIDENTIAL one of someone else does not exist for it). */
    public Evidence get(UUID id) {
        return Evidence.<Evidence>findByIdOptional(id).filter(this::readable)
                .orElseThrow(() -> ProblemException.notFound("Evidence", id));
    }

    public boolean readable(Evidence evidence) {
        return evidence.isPublic() || access.isAiOffice() || isOwn(evidence);
    }

    /** The submitter: for a member's submission its organisation, otherwise the account that submitted it. */
    public boolean isOwn(Evidence evidence) {
        return evidence.organisationId != null ? access.represents(evidence.organisationId)
                : evidence.submittedBy.equals(access.subject());
    }

    /** The evidence the caller may read, newest first; or, with updatedSince, by time of change. */
    public Page<Evidence> search(Filter filter, String cursor, int limit) {
        KeysetQuery<Evidence> query = KeysetQuery.of(Evidence.class, "e", e -> e.id);
        if (!access.isAiOffice()) {
            query.where("e.visibility = :public or e.submittedBy = :subject"
                            + (access.organisation().isPresent() ? " or e.organisationId = :organisation" : ""))
                    .with("public", Visibility.PUBLIC).with("subject", access.subject());
            access.organisation().ifPresent(organisation -> query.with("organisation", organisation));
        }
        return query.filter("e.type = :type", "type", filter.type())
                .filter(":reference member of e.codeReferences", "reference", filter.codeReference())
                .newestFirst("createdAt", e -> e.createdAt)
                .changedSince(filter.updatedSince(), e -> e.updatedAt)
                .page(cursor, limit);
    }

    /**
     * Stores (or replaces) the attached document: the submitter only. The body is read once, as it comes: its SHA-256
     * and its type are computed while it is written in chunks ({@link ChunkStore#store}: the previous document's chunks
     * are deleted in the same transaction, which a failure rolls back), so that at most one chunk is in memory.
     * Oversized is a 413, a format other than PDF, plain text, ODF or OOXML (or one that contradicts the declared
     * Content-Type) a 415.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "taskforce.guidance.attachment-transaction-timeout")
    public Evidence attach(UUID id, String ifMatch, String fileName, String declaredType, Long declaredLength,
                           InputStream body) {
        // locked, so that two uploads to the same submission replace each other rather than mix their chunks
        Evidence evidence = Evidence.<Evidence>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(this::readable).orElseThrow(() -> ProblemException.notFound("Evidence", id));
        if (!isOwn(evidence)) {
            throw ProblemException.forbidden("Only the submitter may attach a document to this evidence");
        }
        Versions.requireMatch(ifMatch, evidence.version);
        ChunkStore.Stored stored = DOCUMENTS.store(entityManager, id, declaredType, declaredLength, body,
                new ChunkStore.Limits(config.attachmentMaxBytes(), config.attachmentUploadTimeout()));
        evidence.attachmentName = StoredDocument.safeFileName(fileName);
        evidence.attachmentType = stored.mediaType();
        evidence.attachmentSize = stored.size();
        evidence.attachmentSha256 = stored.sha256();
        evidence.updatedAt = Timestamps.now();
        audit.record(access.actor(), "ATTACHMENT_STORED", RECORD_TYPE, id);
        Evidence.flush();
        return evidence;
    }

    /**
     * The attached document, streamed chunk by chunk from storage ({@link ChunkStore#content}): a document replaced
     * while it is sent ends the download short rather than mixing two documents.
     */
    public StoredDocument attachment(UUID id) {
        Evidence evidence = get(id);
        if (evidence.attachmentType == null) {
            throw ProblemException.notFound("Attached document of evidence", id);
        }
        return new StoredDocument(evidence.attachmentName, evidence.attachmentType, evidence.attachmentSize,
                evidence.attachmentSha256, DOCUMENTS.content(dataSource, id, evidence.attachmentSha256,
                        evidence.attachmentSize));
    }
}
