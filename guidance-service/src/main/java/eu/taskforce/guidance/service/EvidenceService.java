package eu.taskforce.guidance.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.guidance.config.GuidanceConfig;
import eu.taskforce.guidance.domain.Evidence;
import eu.taskforce.platform.api.Cursor;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Evidence and research submissions from the AI Office, members and stakeholders. A CONFIDENTIAL submission is read
 * by the AI Office and its submitter only (a member's: its organisation); only PUBLIC ones are announced. The attached
 * document is size-limited, typed by its bytes (see {@link AttachmentTypes}) and stored in PostgreSQL with its SHA-256.
 */
@ApplicationScoped
public class EvidenceService {

    public static final String RECORD_TYPE = "Evidence";

    private final Access access;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final GuidanceConfig config;

    public EvidenceService(Access access, Outbox outbox, AuditTrail audit, EntityManager entityManager,
                           GuidanceConfig config) {
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.entityManager = entityManager;
        this.config = config;
    }

    public record Submission(String title, String summary, EvidenceType type, String url, List<String> codeReferences,
                             Visibility visibility, Attribution attribution) {
    }

    public record Filter(EvidenceType type, String codeReference, OffsetDateTime updatedSince) {
    }

    /** The attached document as stored. */
    public record Attachment(String name, String mediaType, byte[] content, String sha256) {
    }

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
        evidence.visibility = submission.visibility();
        evidence.attribution = submission.attribution() == null ? Attribution.ATTRIBUTED : submission.attribution();
        evidence.submitterRole = role;
        evidence.organisationId = role == SubmitterRole.MEMBER ? access.organisation().orElseThrow() : null;
        evidence.submittedBy = access.subject();
        evidence.createdAt = Timestamps.now();
        evidence.updatedAt = evidence.createdAt;
        evidence.persist();
        if (evidence.isPublic()) {
            boolean attributed = evidence.organisationId != null && evidence.attribution == Attribution.ATTRIBUTED;
            outbox.add(EventTypes.EVIDENCE_SUBMITTED, evidence.id, new EvidenceSubmitted(evidence.id, evidence.title,
                    evidence.summary, evidence.type, evidence.url, List.copyOf(evidence.codeReferences), role,
                    evidence.attribution, attributed ? evidence.organisationId : null,
                    attributed ? MemberOrganisation.nameOf(evidence.organisationId) : null, evidence.createdAt));
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

    public Page<Evidence> search(Filter filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Evidence e where 1 = 1");
        Parameters parameters = new Parameters();
        if (!access.isAiOffice()) {
            query.append(" and (e.visibility = :public or e.submittedBy = :subject");
            parameters.and("public", Visibility.PUBLIC).and("subject", access.subject());
            if (access.organisation().isPresent()) {
                query.append(" or e.organisationId = :organisation");
                parameters.and("organisation", access.organisation().get());
            }
            query.append(")");
        }
        if (filter.type() != null) {
            query.append(" and e.type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.codeReference() != null) {
            query.append(" and :reference member of e.codeReferences");
            parameters.and("reference", filter.codeReference());
        }
        boolean sync = filter.updatedSince() != null;
        if (sync) {
            query.append(" and e.updatedAt >= :since");
            parameters.and("since", filter.updatedSince());
        }
        if (cursor != null) {
            List<String> after = Cursor.decode(cursor, 2);
            query.append(sync
                    ? " and (e.updatedAt > :afterTime or (e.updatedAt = :afterTime and e.id > :afterId))"
                    : " and (e.createdAt < :afterTime or (e.createdAt = :afterTime and e.id > :afterId))");
            parameters.and("afterTime", Cursor.timestamp(after.get(0))).and("afterId", Cursor.uuid(after.get(1)));
        }
        query.append(sync ? " order by e.updatedAt, e.id" : " order by e.createdAt desc, e.id");
        List<Evidence> rows = Evidence.find(query.toString(), parameters).page(0, limit + 1).list();
        return Page.of(rows, limit, e -> e, e -> Cursor.encode(
                (sync ? e.updatedAt : e.createdAt).toInstant().toString(), e.id.toString()));
    }

    /**
     * Stores (or replaces) the attached document: the submitter only. Oversized is a 413, a format other than PDF,
     * plain text, ODF or OOXML (or one that contradicts the declared Content-Type) a 415.
     */
    @Transactional
    public Evidence attach(UUID id, String ifMatch, String fileName, String declaredType, InputStream body) {
        Evidence evidence = get(id);
        if (!isOwn(evidence)) {
            throw ProblemException.forbidden("Only the submitter may attach a document to this evidence");
        }
        Versions.requireMatch(ifMatch, evidence.version);
        byte[] content = readAtMost(body, config.attachmentMaxBytes());
        if (content.length == 0) {
            throw ProblemException.badRequest("The attached document is empty");
        }
        String type = AttachmentTypes.sniff(content).orElseThrow(() -> new ProblemException(415,
                "unsupported-media-type", "Unsupported Media Type",
                "The attached document must be a PDF, plain UTF-8 text, an OpenDocument or an Office Open XML file"));
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase();
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The Content-Type says " + declared + " but the bytes are " + type);
        }
        String sha256 = sha256(content);
        entityManager.createNativeQuery("""
                        insert into evidence_attachment (evidence_id, content) values (:id, :content)
                        on conflict (evidence_id) do update set content = excluded.content""")
                .setParameter("id", id).setParameter("content", content).executeUpdate();
        evidence.attachmentName = safeFileName(fileName);
        evidence.attachmentType = type;
        evidence.attachmentSize = (long) content.length;
        evidence.attachmentSha256 = sha256;
        evidence.updatedAt = Timestamps.now();
        audit.record(access.actor(), "ATTACHMENT_STORED", RECORD_TYPE, id);
        Evidence.flush();
        return evidence;
    }

    public Attachment attachment(UUID id) {
        Evidence evidence = get(id);
        if (evidence.attachmentType == null) {
            throw ProblemException.notFound("Attached document of evidence", id);
        }
        byte[] content = (byte[]) entityManager.createNativeQuery(
                        "select content from evidence_attachment where evidence_id = :id")
                .setParameter("id", id).getSingleResult();
        return new Attachment(evidence.attachmentName, evidence.attachmentType, content, evidence.attachmentSha256);
    }

    private static byte[] readAtMost(InputStream body, long max) {
        if (body == null) {
            throw ProblemException.badRequest("The request has no body: send the document's bytes");
        }
        try (InputStream in = body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > max) {
                    throw new ProblemException(413, "payload-too-large", "Payload Too Large",
                            "The attached document is larger than " + max + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name safe in a Content-Disposition header: letters, digits, dot, dash and underscore only. */
    static String safeFileName(String name) {
        String base = name == null || name.isBlank() ? "attachment" : name.strip();
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        safe = safe.isEmpty() ? "attachment" : safe;
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
