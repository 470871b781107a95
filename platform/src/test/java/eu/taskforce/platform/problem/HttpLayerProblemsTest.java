package eu.taskforce.platform.problem;

import eu.taskforce.common.testing.RawHttp;
import eu.taskforce.common.testing.RawHttp.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: what the HTTP layer refuses before any exception mapper runs is problem+json too, not a bare status. Raw
 * requests on a socket, as no HTTP client sends a malformed address.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    @TestHTTPResource("/")
    URI base;

    Answer send(String head, byte[] body) throws IOException {
        return RawHttp.send(base, head, body);
    }

    private Answer get(String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.json().getInt("status")).isEqualTo(status);
        assertThat(answer.json().getString("type")).startsWith(Problem.TYPE_PREFIX);
        assertThat(answer.json().getString("detail")).isNotBlank();
    }

    @Test
    void malformedPercentEncodingInTheQueryIsAProblem() throws IOException {
        Answer answer = get("/platform-test/bounded?cursor=%2");
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
        Answer over = get(path + "a".repeat(8193 - path.length()));
        assertProblem(over, 414);
        assertThat(over.json().getString("type")).isEqualTo(Problem.TYPE_PREFIX + "uri-too-long");
        assertThat(over.json().getString("detail"))
                .isEqualTo("The request's address is too long: at most 8192 characters");
        // beyond Vert.x's own limit (16384 for the request line) it still answers, bare: the documented exception
        assertThat(get(path + "a".repeat(17_000)).status()).isEqualTo(414);
    }

    @Test
    void headerFieldsOverTheirLimitAreAProblemUpToVertxsOwnLimit() throws IOException {
        Answer over = send("GET /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Large: " + "a".repeat(21 * 1024) + "\r\n\r\n", null);
        assertProblem(over, 431);
        assertThat(over.json().getString("type")).isEqualTo(Problem.TYPE_PREFIX + "request-header-fields-too-large");
        assertThat(over.json().getString("detail"))
                .isEqualTo("The request's header fields are too large: at most 20480 bytes in all");
        Answer under = send("GET /platform-test/bounded HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Large: " + "a".repeat(19 * 1024) + "\r\n\r\n", null);
        assertThat(under.status()).isNotEqualTo(431);
    }
}
