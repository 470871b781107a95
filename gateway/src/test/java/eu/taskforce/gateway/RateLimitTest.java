package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Per-caller rate limits of the test group "tight" (3 requests per 2 s): the fourth request in a window is a 429
 * with Retry-After and the RateLimit headers; other callers keep their own allowance; the allowance comes back after
 * the window.
 */
@QuarkusTest
class RateLimitTest {

    private static final String LIMITED = "/api/v1/test-limited/items";
    private static final String OPEN_LIMITED = "/api/v1/test-open-limited/items";

    @Test
    void callerIsLimitedBySubjectAndRecoversAfterTheWindow() {
        String memberA = Tokens.access("member-a");
        String memberB = Tokens.access("member-b");
        // start from a fresh window: wait until member-a's allowance is whole (an earlier run of this test may have
        // used it)
        await().atMost(Duration.ofSeconds(5)).until(() -> given().auth().oauth2(memberA).get(LIMITED)
                .header("RateLimit-Remaining").equals(Integer.toString(Upstreams.TIGHT_LIMIT - 1)));

        for (int remaining = Upstreams.TIGHT_LIMIT - 2; remaining >= 0; remaining--) {
            given().auth().oauth2(memberA).get(LIMITED)
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"tight\";q=" + Upstreams.TIGHT_LIMIT + ";w=2")
                    .header("RateLimit", startsWith("\"tight\";r=" + remaining + ";t="))
                    .header("RateLimit-Limit", Integer.toString(Upstreams.TIGHT_LIMIT))
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }

        Response limited = given().auth().oauth2(memberA).get(LIMITED)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("instance", equalTo(LIMITED))
                .header("RateLimit-Remaining", "0")
                .extract().response();
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(limited.jsonPath().getString("detail")).contains("try again in " + retryAfter + " s");

        // another caller has an allowance of its own
        given().auth().oauth2(memberB).get(LIMITED).then().statusCode(200);

        // after the window, member-a may call again
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(memberA).get(LIMITED).statusCode() == 200);
    }

    @Test
    void anonymousCallersAreLimitedByAddress() {
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get(OPEN_LIMITED)
                .header("RateLimit-Remaining").equals(Integer.toString(Upstreams.TIGHT_LIMIT - 1)));
        for (int i = 1; i < Upstreams.TIGHT_LIMIT; i++) {
            given().get(OPEN_LIMITED).then().statusCode(200);
        }
        Response limited = given().get(OPEN_LIMITED).then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:rate-limited"))
                .body("instance", equalTo(OPEN_LIMITED))
                .header("RateLimit-Remaining", "0")
                .extract().response();
        // the address's window ends within its 2 s, and Retry-After is when it ends, as the problem says
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(limited.header("RateLimit-Reset")).isEqualTo(Long.toString(retryAfter));
        assertThat(limited.jsonPath().getString("detail"))
                .isEqualTo("More than " + Upstreams.TIGHT_LIMIT + " requests in 2 s; try again in " + retryAfter + " s");
        // a token makes the caller its subject, not its address
        given().auth().oauth2(Tokens.access("expert")).get(OPEN_LIMITED).then().statusCode(200);
    }
}
