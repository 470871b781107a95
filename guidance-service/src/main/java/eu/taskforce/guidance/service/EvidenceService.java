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
import jakarta.ws.rs.core.StreamingOutput;
import org.hibernate.Session;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence and research submissions from the AI Office, members and stakeholders. A CONFIDENTIAL submission is read
 * by the AI Office and its submitter only (a member's: its organisation); only PUBLIC ones are announced. The attached
 * document is size-limited, typed by its bytes (see {@link AttachmentTypes}) and stored in PostgreSQL in chunks, with its
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

    /** The attached document as stored, and its bytes as they are read from the chunks. */
    public record Attachment(String name, String mediaType, long size, String sha256, StreamingOutput content) {
    }

    /** The bytes of an attached document are stored in rows of this size (the last one shorter). */
    static final int CHUNK_BYTES = 256 * 1024;

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
                    evidence.codeEdition));
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
     * and its type are computed while it is written in chunks of {@link #CHUNK_BYTES} (the previous document's chunks
     * are deleted in the same transaction, which a failure rolls back), so that at most one chunk is in memory.
     * Oversized is a 413 as soon as the limit is passed (or at once when the Content-Length says so); a format other
     * than PDF, plain text, ODF or OOXML (or one that contradicts the declared Content-Type) a 415.
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
        long max = config.attachmentMaxBytes();
        if (declaredLength != null && declaredLength > max) {
            throw tooLarge(max);
        }
        if (body == null) {
            throw ProblemException.badRequest("The request has no body: send the document's bytes");
        }
        entityManager.createNativeQuery("delete from evidence_attachment_chunk where evidence_id = :id")
                .setParameter("id", id).executeUpdate();
        Duration timeout = config.attachmentUploadTimeout();
        Stored stored = entityManager.unwrap(Session.class)
                .doReturningWork(connection -> store(connection, id, body, max, timeout));
        if (stored.size() == 0) {
            throw ProblemException.badRequest("The attached document is empty");
        }
        String type = stored.type().orElseThrow(EvidenceService::unsupported);
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase();
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The Content-Type says " + declared + " but the bytes are " + type);
        }
        evidence.attachmentName = safeFileName(fileName);
        evidence.attachmentType = type;
        evidence.attachmentSize = stored.size();
        evidence.attachmentSha256 = stored.sha256();
        evidence.updatedAt = Timestamps.now();
        audit.record(access.actor(), "ATTACHMENT_STORED", RECORD_TYPE, id);
        Evidence.flush();
        return evidence;
    }

    /** What was read and written of an uploaded document. */
    private record Stored(long size, String sha256, Optional<String> type) {
    }

    /**
     * Reads the body to its end into chunk rows, refusing it as soon as it is too large, cannot be of a known type or
     * has taken longer than {@code timeout}.
     */
    private static Stored store(Connection connection, UUID id, InputStream body, long max, Duration timeout)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        AttachmentTypes.Sniffer sniffer = new AttachmentTypes.Sniffer();
        MessageDigest digest = sha256();
        byte[] chunk = new byte[CHUNK_BYTES];
        int filled = 0;
        int seq = 0;
        long size = 0;
        // the body is not closed here: closing Quarkus's request stream reads it to its end, which a refusal must not wait
        // for (the rest of a refused body is Vert.x's to discard)
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into evidence_attachment_chunk (evidence_id, seq, content) values (?, ?, ?)")) {
            int read;
            while ((read = body.read(chunk, filled, chunk.length - filled)) != -1) {
                if (System.nanoTime() - deadline > 0) {
                    throw new ProblemException(408, "request-timeout", "Request Timeout", "The attached document was"
                            + " not sent within " + timeout.toSeconds() + " seconds");
                }
                size += read;
                if (size > max) {
                    throw tooLarge(max);
                }
                sniffer.update(chunk, filled, read);
                if (sniffer.refused()) {
                    throw unsupported();
                }
                digest.update(chunk, filled, read);
                filled += read;
                if (filled == chunk.length) {
                    insertChunk(insert, id, seq++, chunk, filled);
                    filled = 0;
                }
            }
            if (filled > 0) {
                insertChunk(insert, id, seq, chunk, filled);
            }
        } catch (IOException e) {
            // the client stopped sending, or sent nothing for longer than the read timeout: nothing is stored
            throw ProblemException.badRequest("The document's bytes could not be read to their end");
        }
        return new Stored(size, HexFormat.of().formatHex(digest.digest()), sniffer.type());
    }

    private static void insertChunk(PreparedStatement insert, UUID id, int seq, byte[] chunk, int length)
            throws SQLException {
        insert.setObject(1, id);
        insert.setInt(2, seq);
        // the driver sends the bytes as they are, without a copy; the chunk is refilled only after the row is written
        insert.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, length), length);
        insert.executeUpdate();
    }

    /**
     * The attached document, to be written chunk by chunk. Each chunk is read in a statement of its own that also checks
     * the stored digest, so that a slow download holds no database connection between chunks and a document replaced
     * meanwhile ends the download short (an I/O error, which breaks the connection) rather than mixing two documents.
     */
    public Attachment attachment(UUID id) {
        Evidence evidence = get(id);
        if (evidence.attachmentType == null) {
            throw ProblemException.notFound("Attached document of evidence", id);
        }
        long size = evidence.attachmentSize;
        String sha256 = evidence.attachmentSha256;
        StreamingOutput content = output -> {
            long written = 0;
            for (int seq = 0; written < size; seq++) {
                byte[] chunk = chunk(id, sha256, seq);
                if (chunk == null) {
                    throw new IOException("The attached document of evidence " + id + " was replaced while it was sent");
                }
                output.write(chunk);
                written += chunk.length;
            }
        };
        return new Attachment(evidence.attachmentName, evidence.attachmentType, size, sha256, content);
    }

    private byte[] chunk(UUID id, String sha256, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select c.content from evidence_attachment_chunk c join evidence e on e.id = c.evidence_id
                where c.evidence_id = ? and c.seq = ? and e.attachment_sha256 = ?""")) {
            select.setObject(1, id);
            select.setInt(2, seq);
            select.setString(3, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Reading the attached document of evidence " + id + " failed", e);
        }
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(413, "payload-too-large", "Payload Too Large",
                "The attached document is larger than " + max + " bytes");
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                "The attached document must be a PDF, plain UTF-8 text, an OpenDocument or an Office Open XML file");
    }

    /** A file name safe in a Content-Disposition header: letters, digits, dot, dash and underscore only. */
    static String safeFileName(String name) {
        String base = name == null || name.isBlank() ? "attachment" : name.strip();
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        safe = safe.isEmpty() ? "attachment" : safe;
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
