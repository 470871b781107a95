package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Per-caller rate limits of the test group "tight" (3 requests per 2 s), on a clock the test moves (no waiting): the
 * fourth request in a window is a 429 with Retry-After and the RateLimit headers; other callers keep their own
 * allowance; the allowance comes back after the window; two routes of one group share it; an anonymous caller is its
 * connection's address, whatever X-Forwarded-For it sends.
 */
@QuarkusTest
class RateLimitTest extends OnAFrozenClock {

    private static final String LIMITED = "/api/v1/test-limited/items";
    private static final String OPEN_LIMITED = "/api/v1/test-open-limited/items";
    private static final int LIMIT = Upstreams.TIGHT_LIMIT;

    @Test
    void callerIsLimitedBySubjectAndRecoversAfterTheWindow() {
        String memberA = Tokens.access("member-a");
        String memberB = Tokens.access("member-b");
        for (int remaining = LIMIT - 1; remaining >= 0; remaining--) {
            given().auth().oauth2(memberA).get(LIMITED)
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"tight\";q=" + LIMIT + ";w=2")
                    .header("RateLimit", "\"tight\";r=" + remaining + ";t=2")
                    .header("RateLimit-Limit", Integer.toString(LIMIT))
                    .header("RateLimit-Remaining", Integer.toString(remaining))
                    .header("RateLimit-Reset", "2");
        }

        refused(given().auth().oauth2(memberA).get(LIMITED), LIMITED, 2);

        // another caller has an allowance of its own
        given().auth().oauth2(memberB).get(LIMITED).then().statusCode(200).header("RateLimit-Remaining", "2");

        // a second later the window is not over; at its end member-a has the whole allowance back
        clock.advance(Duration.ofSeconds(1));
        refused(given().auth().oauth2(memberA).get(LIMITED), LIMITED, 1);
        clock.advance(Duration.ofSeconds(1));
        given().auth().oauth2(memberA).get(LIMITED).then().statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(LIMIT - 1));
    }

    @Test
    void anonymousCallersAreLimitedByAddressWhateverAddressTheyClaim() {
        // X-Forwarded-For and Forwarded are the client's word: a new claimed address each time gets no new allowance
        for (int i = 0; i < LIMIT; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=198.51.100." + i)
                    .get(OPEN_LIMITED).then().statusCode(200)
                    .header("RateLimit-Remaining", Integer.toString(LIMIT - 1 - i));
        }
        refused(given().header("X-Forwarded-For", "203.0.113.99").get(OPEN_LIMITED), OPEN_LIMITED, 2);
        // a token makes the caller its subject, not its address
        given().auth().oauth2(Tokens.access("expert")).get(OPEN_LIMITED).then().statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(LIMIT - 1));
    }

    @Test
    void twoRoutesOfOneGroupShareTheCallersAllowance() {
        String memberA = Tokens.access("member-a");
        given().auth().oauth2(memberA).get(LIMITED).then().statusCode(200).header("RateLimit-Remaining", "2");
        given().auth().oauth2(memberA).get(OPEN_LIMITED).then().statusCode(200).header("RateLimit-Remaining", "1");
        given().auth().oauth2(memberA).get(LIMITED).then().statusCode(200).header("RateLimit-Remaining", "0");
        refused(given().auth().oauth2(memberA).get(OPEN_LIMITED), OPEN_LIMITED, 2);
        refused(given().auth().oauth2(memberA).get(LIMITED), LIMITED, 2);
        // a route of another group is not touched by it
        given().auth().oauth2(memberA).get("/api/v1/membership/items").then().statusCode(200)
                .header("RateLimit-Policy", "\"default\";q=100000;w=60");
    }

    /** A 429 problem whose Retry-After, RateLimit-Reset and detail all say {@code retryAfter} seconds. */
    static void refused(Response response, String path, int retryAfter) {
        response.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("instance", equalTo(path))
                .body("detail", equalTo("More than " + LIMIT + " requests in 2 s; try again in " + retryAfter + " s"))
                .header("Retry-After", Integer.toString(retryAfter))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", Integer.toString(retryAfter));
        assertThat(response.header("RateLimit")).isEqualTo("\"tight\";r=0;t=" + retryAfter);
    }
}
