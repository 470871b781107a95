package eu.taskforce.gateway;

import eu.taskforce.common.testing.RawHttp;
import eu.taskforce.common.testing.RawHttp.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: an address with malformed percent-encoding is answered by the gateway with problem+json, not a bare 400
 * with an empty body. Raw requests on a socket, as no HTTP client sends such an address.
 */
@QuarkusTest
class MalformedRequestTest {

    @TestHTTPResource("/")
    URI base;

    Answer get(String target) throws IOException {
        return get(target, "");
    }

    Answer get(String target, String moreHeaders) throws IOException {
        return RawHttp.get(base, target, moreHeaders);
    }

    private void assertBadRequestProblem(String target) throws IOException {
        Answer answer = get(target);
        assertThat(answer.status()).as(target).isEqualTo(400);
        assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
        var json = answer.json();
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
        Answer over = get(path + "a".repeat(8193 - path.length()));
        assertThat(over.status()).isEqualTo(414);
        assertThat(over.contentType()).startsWith("application/problem+json");
        var json = over.json();
        assertThat(json.getString("type")).isEqualTo("urn:taskforce:problem:uri-too-long");
        assertThat(json.getString("detail")).isEqualTo("The request's address is too long: at most 8192 characters");
        // beyond Vert.x's own limit (16384 for the request line) it still answers, bare: the documented exception
        assertThat(get(path + "a".repeat(17_000)).status()).isEqualTo(414);
    }

    @Test
    void headerFieldsOverTheirLimitAreAProblemUpToVertxsOwnLimit() throws IOException {
        Answer over = get("/api/v1/public/participants", "X-Large: " + "a".repeat(21 * 1024) + "\r\n");
        assertThat(over.status()).isEqualTo(431);
        assertThat(over.contentType()).startsWith("application/problem+json");
        var json = over.json();
        assertThat(json.getString("type")).isEqualTo("urn:taskforce:problem:request-header-fields-too-large");
        assertThat(json.getString("detail"))
                .isEqualTo("The request's header fields are too large: at most 20480 bytes in all");
        assertThat(get("/api/v1/public/participants", "X-Large: " + "a".repeat(19 * 1024) + "\r\n").status())
                .as("under the limit").isNotEqualTo(431);
    }
}
