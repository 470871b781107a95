package eu.taskforce.platform.problem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: what the HTTP layer refuses before any exception mapper runs is problem+json too, not a bare status. Raw
 * requests on a socket, as no HTTP client sends a malformed address.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    @TestHTTPResource("/")
    URI base;

    /** The status, the Content-Type and the body of the answer to {@code request} (sent as it is). */
    record Raw(int status, String contentType, String body) {
        JsonPath json() {
            return new JsonPath(body);
        }
    }

    Raw send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException closedEarly) {
                    // the server may answer and close before it has read the whole body
                }
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Raw read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headBytes.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int length = 0;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new Raw(status, contentType, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private Raw get(String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null);
    }

    private static void assertProblem(Raw answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.json().getInt("status")).isEqualTo(status);
        assertThat(answer.json().getString("type")).startsWith(Problem.TYPE_PREFIX);
        assertThat(answer.json().getString("detail")).isNotBlank();
    }

    @Test
    void malformedPercentEncodingInTheQueryIsAProblem() throws IOException {
        Raw answer = get("/platform-test/bounded?cursor=%2");
        assertProblem(answer, 400);
        assertThat(answer.json().getString("detail")).contains("percent-encoding");
    }

    @Test
    void malformedPercentEncodingInThePathIsAProblem() throws IOException {
        assertProblem(get("/platform-test/%/versions"), 400);
        assertProblem(get("/platform-test/bounded/%zz"), 400);
    }

    @Test
    void aMethodNotAllowedIsAProblem() throws IOException {
        assertProblem(send("DELETE /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                null), 405);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() throws IOException {
        byte[] body = new byte[5 * 1024 * 1024];
        assertProblem(send("POST /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body), 413);
        assertThat(send("POST /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body).json()
                .getString("type")).isEqualTo(Problem.TYPE_PREFIX + "payload-too-large");
    }

    @Test
    void anAddressOverItsLimitIsAProblemUpToVertxsOwnLimit() throws IOException {
        String path = "/platform-test/bounded?cursor=";
        // at the documented limit (8192 characters): not refused for its length (the cursor itself is then invalid)
        assertThat(get(path + "a".repeat(8192 - path.length())).status()).isNotEqualTo(414);
        Raw over = get(path + "a".repeat(8193 - path.length()));
        assertProblem(over, 414);
        assertThat(over.json().getString("type")).isEqualTo(Problem.TYPE_PREFIX + "uri-too-long");
        assertThat(over.json().getString("detail"))
                .isEqualTo("The request's address is too long: at most 8192 characters");
        // beyond Vert.x's own limit (16384 for the request line) it still answers, bare: the documented exception
        assertThat(get(path + "a".repeat(17_000)).status()).isEqualTo(414);
    }

    @Test
    void headerFieldsOverTheirLimitAreAProblemUpToVertxsOwnLimit() throws IOException {
        Raw over = send("GET /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Large: " + "a".repeat(21 * 1024) + "\r\n\r\n", null);
        assertProblem(over, 431);
        assertThat(over.json().getString("type")).isEqualTo(Problem.TYPE_PREFIX + "request-header-fields-too-large");
        assertThat(over.json().getString("detail"))
                .isEqualTo("The request's header fields are too large: at most 20480 bytes in all");
        Raw under = send("GET /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Large: " + "a".repeat(19 * 1024) + "\r\n\r\n", null);
        assertThat(under.status()).isNotEqualTo(431);
    }
}
