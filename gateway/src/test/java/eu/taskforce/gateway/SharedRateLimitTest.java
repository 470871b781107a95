package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway with its buckets in the shared store (a Hazelcast member of its own, as each of several gateways has):
 * a request waits for the store's answer off the event loop, then goes on with its body whole, or gets its 429.
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.Shared.class)
class SharedRateLimitTest extends OnAFrozenClock {

    private static final String LIMITED = "/api/v1/test-limited/items";

    public static class Shared implements QuarkusTestProfile {
        private static final int PORT = EchoUpstream.freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("taskforce.gateway.rate-limit-cluster.members", "127.0.0.1:" + PORT,
                    "taskforce.gateway.rate-limit-cluster.port", Integer.toString(PORT));
        }
    }

    @Test
    void aCallerGetsTheLimitThenA429AndEachBodyReachesTheServiceWhole() {
        String member = Tokens.access("member-a");
        String body = "x".repeat(300_000);
        for (int remaining = Upstreams.TIGHT_LIMIT - 1; remaining >= 0; remaining--) {
            given().auth().oauth2(member).contentType("text/plain").body(body).post(LIMITED)
                    .then().statusCode(200)
                    .body("method", equalTo("POST"))
                    .body("bodyLength", equalTo(body.length()))
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        RateLimitTest.refused(given().auth().oauth2(member).body(body).post(LIMITED), LIMITED, 2);

        // the shared bucket reads the same clock: at the window's end the allowance is back
        clock.advance(Duration.ofSeconds(2));
        given().auth().oauth2(member).get(LIMITED).then().statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(Upstreams.TIGHT_LIMIT - 1));
    }
}
