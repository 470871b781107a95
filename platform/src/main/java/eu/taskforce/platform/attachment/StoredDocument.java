package eu.taskforce.platform.attachment;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.Base64;
import java.util.HexFormat;

/**
 * A stored document as it is downloaded: its file name, the media type read from its bytes when it was stored, its
 * size and SHA-256 (hex), and its bytes as they are read from the chunks ({@link ChunkStore#content}).
 */
public record StoredDocument(String name, String mediaType, long size, String sha256, StreamingOutput content) {

    /**
     * The download: as an attachment with the stored type (never one a client chose), nosniff and a sandboxing CSP,
     * its length and its SHA-256 (Repr-Digest, RFC 9530).
     */
    public Response toResponse() {
        return Response.ok(content).type(mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .build();
    }

    /** A file name safe in a Content-Disposition header: letters, digits, dot, dash and underscore only. */
    public static String safeFileName(String name) {
        String base = name == null || name.isBlank() ? "attachment" : name.strip();
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        safe = safe.isEmpty() ? "attachment" : safe;
        return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
    }
}
