package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A gateway behind a load balancer (here the test client's own address, 127.0.0.1, is the trusted proxy): the client
 * is the right-most untrusted address of X-Forwarded-For, for the services and for the anonymous rate limits, so that
 * every anonymous caller behind the balancer does not share one allowance, and a client's own entries are ignored.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindALoadBalancer.class)
class TrustedProxyTest extends OnAFrozenClock {

    private static final String OPEN_LIMITED = "/api/v1/test-open-limited/items";

    public static class BehindALoadBalancer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("taskforce.gateway.trusted-proxies", "127.0.0.1,10.0.0.0/8");
        }
    }

    @Test
    void theServiceIsToldTheClientTheBalancerSaw() {
        given().header("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.1.2.3").get("/api/v1/public/participants")
                .then().statusCode(200).body("headers.x-forwarded-for", equalTo("203.0.113.7"));
        given().get("/api/v1/public/participants")
                .then().statusCode(200).body("headers.x-forwarded-for", equalTo("127.0.0.1"));
    }

    @Test
    void anonymousCallersBehindTheBalancerHaveAllowancesOfTheirOwn() {
        for (int i = 0; i < Upstreams.TIGHT_LIMIT; i++) {
            given().header("X-Forwarded-For", "203.0.113.10").get(OPEN_LIMITED).then().statusCode(200);
        }
        RateLimitTest.refused(given().header("X-Forwarded-For", "203.0.113.10").get(OPEN_LIMITED), OPEN_LIMITED, 2);
        // what the client prepends does not make it someone else
        RateLimitTest.refused(given().header("X-Forwarded-For", "198.51.100.1, 203.0.113.10").get(OPEN_LIMITED),
                OPEN_LIMITED, 2);
        given().header("X-Forwarded-For", "203.0.113.11").get(OPEN_LIMITED).then().statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(Upstreams.TIGHT_LIMIT - 1));
    }
}
