package eu.taskforce.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: an address with malformed percent-encoding is answered by the gateway with problem+json, not a bare 400
 * with an empty body. Raw requests on a socket, as no HTTP client sends such an address.
 */
@QuarkusTest
class MalformedRequestTest {

    @TestHTTPResource("/")
    URI base;

    record Raw(int status, String contentType, String body) {
    }

    Raw get(String target) throws IOException {
        return get(target, "");
    }

    Raw get(String target, String moreHeaders) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + moreHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return read(socket.getInputStream());
        }
    }

    static Raw read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
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
        return new Raw(Integer.parseInt(lines[0].split(" ")[1]), contentType,
                new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private void assertBadRequestProblem(String target) throws IOException {
        Raw answer = get(target);
        assertThat(answer.status()).as(target).isEqualTo(400);
        assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
        JsonPath json = new JsonPath(answer.body());
        assertThat(json.getInt("status")).isEqualTo(400);
        assertThat(json.getString("type")).isEqualTo("urn:taskforce:problem:bad-request");
        assertThat(json.getString("detail")).contains("percent-encoding");
    }

    @Test
    void malformedPercentEncodingIsAProblem() throws IOException {
        assertBadRequestProblem("/api/v1/guidance/documents?cursor=%2");
        assertBadRequestProblem("/api/v1/guidance/documents/%/versions");
        assertBadRequestProblem("/api/v1/membership/signatories/%zz");
        assertBadRequestProblem("/api/v1/public/%");
    }

    @Test
    void anAddressOverItsLimitIsAProblemUpToVertxsOwnLimit() throws IOException {
        String path = "/api/v1/public/participants?cursor=";
        assertThat(get(path + "a".repeat(8192 - path.length())).status()).as("at the limit").isNotEqualTo(414);
        Raw over = get(path + "a".repeat(8193 - path.length()));
        assertThat(over.status()).isEqualTo(414);
        assertThat(over.contentType()).startsWith("application/problem+json");
        JsonPath json = new JsonPath(over.body());
        assertThat(json.getString("type")).isEqualTo("urn:taskforce:problem:uri-too-long");
        assertThat(json.getString("detail")).isEqualTo("The request's address is too long: at most 8192 characters");
        // beyond Vert.x's own limit (16384 for the request line) it still answers, bare: the documented exception
        assertThat(get(path + "a".repeat(17_000)).status()).isEqualTo(414);
    }

    @Test
    void headerFieldsOverTheirLimitAreAProblemUpToVertxsOwnLimit() throws IOException {
        Raw over = get("/api/v1/public/participants", "X-Large: " + "a".repeat(21 * 1024) + "\r\n");
        assertThat(over.status()).isEqualTo(431);
        assertThat(over.contentType()).startsWith("application/problem+json");
        JsonPath json = new JsonPath(over.body());
        assertThat(json.getString("type")).isEqualTo("urn:taskforce:problem:request-header-fields-too-large");
        assertThat(json.getString("detail"))
                .isEqualTo("The request's header fields are too large: at most 20480 bytes in all");
        assertThat(get("/api/v1/public/participants", "X-Large: " + "a".repeat(19 * 1024) + "\r\n").status())
                .as("under the limit").isNotEqualTo(431);
    }
}
