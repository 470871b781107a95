package eu.taskforce.platform.attachment;

import eu.taskforce.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
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
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploaded documents stored in PostgreSQL in chunks, with their SHA-256, streamed in and out so that at most one chunk
 * is in memory. A service names its chunk table ({@code <owner_column> uuid, seq integer, content bytea}, primary key
 * both) and the row that owns a document and keeps its digest; the owner's row holds name, type, size and digest.
 */
public final class ChunkStore {

    /** The bytes of a document are stored in rows of this size (the last one shorter). */
    public static final int CHUNK_BYTES = 256 * 1024;

    private final String chunkTable;
    private final String ownerColumn;
    private final String ownerTable;
    private final String digestColumn;

    /**
     * @param chunkTable   the table of chunks, e.g. {@code evidence_attachment_chunk}
     * @param ownerColumn  its column naming the owner, e.g. {@code evidence_id}
     * @param ownerTable   the owner's table, whose {@code id} that column references
     * @param digestColumn the owner's column holding the stored document's SHA-256 (hex)
     */
    public ChunkStore(String chunkTable, String ownerColumn, String ownerTable, String digestColumn) {
        this.chunkTable = chunkTable;
        this.ownerColumn = ownerColumn;
        this.ownerTable = ownerTable;
        this.digestColumn = digestColumn;
    }

    /** What was stored: its size, SHA-256 (hex) and the media type read from its bytes. */
    public record Stored(long size, String sha256, String mediaType) {
    }

    /** How much an upload may be, and for how long it may be sent. */
    public record Limits(long maxBytes, Duration uploadTimeout) {
    }

    /**
     * Stores (or replaces) the document of {@code owner} in the caller's transaction, which a failure rolls back: the
     * previous chunks are deleted, the body is read once, as it comes, its SHA-256 and its type computed while it is
     * written. The caller locks the owner's row first, so that two uploads replace each other rather than mix chunks.
     * Oversized is a 413 as soon as the limit is passed (or at once when the Content-Length says so); a format other
     * than PDF, plain text, ODF or OOXML (or one that contradicts the declared Content-Type) a 415; an empty or cut
     * body a 400; one sent for longer than the timeout a 408.
     */
    public Stored store(EntityManager entityManager, UUID owner, String declaredType, Long declaredLength,
                        InputStream body, Limits limits) {
        if (declaredLength != null && declaredLength > limits.maxBytes()) {
            throw tooLarge(limits.maxBytes());
        }
        if (body == null) {
            throw ProblemException.badRequest("The request has no body: send the document's bytes");
        }
        entityManager.createNativeQuery("delete from " + chunkTable + " where " + ownerColumn + " = :id")
                .setParameter("id", owner).executeUpdate();
        Written written = entityManager.unwrap(Session.class)
                .doReturningWork(connection -> write(connection, owner, body, limits));
        if (written.size() == 0) {
            throw ProblemException.badRequest("The attached document is empty");
        }
        String type = written.type().orElseThrow(ChunkStore::unsupported);
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase();
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The Content-Type says " + declared + " but the bytes are " + type);
        }
        return new Stored(written.size(), written.sha256(), type);
    }

    /** What was read and written of an uploaded document. */
    private record Written(long size, String sha256, Optional<String> type) {
    }

    /**
     * Reads the body to its end into chunk rows, refusing it as soon as it is too large, cannot be of a known type or
     * has taken longer than the upload timeout.
     */
    private Written write(Connection connection, UUID owner, InputStream body, Limits limits) throws SQLException {
        Duration timeout = limits.uploadTimeout();
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
                "insert into " + chunkTable + " (" + ownerColumn + ", seq, content) values (?, ?, ?)")) {
            int read;
            while ((read = body.read(chunk, filled, chunk.length - filled)) != -1) {
                if (System.nanoTime() - deadline > 0) {
                    throw new ProblemException(408, "request-timeout", "Request Timeout", "The attached document was"
                            + " not sent within " + timeout.toSeconds() + " seconds");
                }
                size += read;
                if (size > limits.maxBytes()) {
                    throw tooLarge(limits.maxBytes());
                }
                sniffer.update(chunk, filled, read);
                if (sniffer.refused()) {
                    throw unsupported();
                }
                digest.update(chunk, filled, read);
                filled += read;
                if (filled == chunk.length) {
                    insertChunk(insert, owner, seq++, chunk, filled);
                    filled = 0;
                }
            }
            if (filled > 0) {
                insertChunk(insert, owner, seq, chunk, filled);
            }
        } catch (IOException e) {
            // the client stopped sending, or sent nothing for longer than the read timeout: nothing is stored
            throw ProblemException.badRequest("The document's bytes could not be read to their end");
        }
        return new Written(size, HexFormat.of().formatHex(digest.digest()), sniffer.type());
    }

    private static void insertChunk(PreparedStatement insert, UUID owner, int seq, byte[] chunk, int length)
            throws SQLException {
        insert.setObject(1, owner);
        insert.setInt(2, seq);
        // the driver sends the bytes as they are, without a copy; the chunk is refilled only after the row is written
        insert.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, length), length);
        insert.executeUpdate();
    }

    /**
     * The stored document of {@code owner}, to be written chunk by chunk. Each chunk is read in a statement of its own
     * that also checks the stored digest, so that a slow download holds no database connection between chunks and a
     * document replaced meanwhile ends the download short (an I/O error, which breaks the connection) rather than
     * mixing two documents.
     */
    public StreamingOutput content(DataSource dataSource, UUID owner, String sha256, long size) {
        return output -> {
            long written = 0;
            for (int seq = 0; written < size; seq++) {
                byte[] chunk = chunk(dataSource, owner, sha256, seq);
                if (chunk == null) {
                    throw new IOException("The document of " + ownerTable + " " + owner + " was replaced while it was sent");
                }
                output.write(chunk);
                written += chunk.length;
            }
        };
    }

    private byte[] chunk(DataSource dataSource, UUID owner, String sha256, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select c.content from " + chunkTable + " c join " + ownerTable + " o on o.id = c." + ownerColumn
                        + " where c." + ownerColumn + " = ? and c.seq = ? and o." + digestColumn + " = ?")) {
            select.setObject(1, owner);
            select.setInt(2, seq);
            select.setString(3, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("Reading the document of " + ownerTable + " " + owner + " failed", e);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
