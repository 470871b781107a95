package eu.taskforce.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Large attached documents made, sent and read back as streams, so that the test holds none of them whole: a PDF header
 * followed by pseudo-random bytes, made again from its seed whenever it is read. Sent over HTTP/1.1, as the gateway
 * sends to the services.
 */
public final class Attachments {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PDF_HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    private Attachments() {
    }

    /** {@code size} bytes: a PDF header, then bytes drawn from {@code seed}. */
    public static InputStream pdf(long size, long seed) {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++, position++) {
                    bytes[offset + i] = position < PDF_HEADER.length ? PDF_HEADER[(int) position]
                            : (byte) random.nextInt(256);
                }
                return count;
            }
        };
    }

    /** The SHA-256 (hex) of {@link #pdf}. */
    public static String sha256(long size, long seed) throws IOException {
        try (InputStream in = pdf(size, seed)) {
            return digest(in).sha256();
        }
    }

    /** The answer to an upload: its status, content type and (small) body. */
    public record Upload(int status, String contentType, String body) {
    }

    /** PUTs {@link #pdf} to {@code path}; with its Content-Length, or chunked without one. */
    public static Upload put(URI base, Actors actor, String path, long size, long seed, boolean withLength)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> pdf(size, seed));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + actor.token())
                .header("Content-Type", "application/octet-stream")
                .PUT(withLength ? HttpRequest.BodyPublishers.fromPublisher(body, size) : body)
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Upload(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** What a download brought: its status, headers, and the length and SHA-256 of the bytes received. */
    public record Download(int status, java.net.http.HttpHeaders headers, long length, String sha256) {
    }

    /** GETs the document at {@code path}, reading it as it comes. */
    public static Download get(URI base, Actors actor, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + actor.token()).GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            Digest digest = digest(in);
            return new Download(response.statusCode(), response.headers(), digest.length(), digest.sha256());
        }
    }

    private record Digest(long length, String sha256) {
    }

    private static Digest digest(InputStream in) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long length = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
                length += read;
            }
            return new Digest(length, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
