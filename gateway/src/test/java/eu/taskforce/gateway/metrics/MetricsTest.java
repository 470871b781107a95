package eu.taskforce.gateway.metrics;

import eu.taskforce.gateway.Upstreams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's Prometheus endpoint: per-route requests with latency buckets and status classes, 429s, breakers. */
@QuarkusTest
class MetricsTest {

    @Test
    void perRouteRequestsRateLimitsAndBreakersAreServed() {
        given().get("/api/v1/public/participants").then().statusCode(200);
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/public/participants/" + id).then().statusCode(200);
        given().get("/api/v1/membership/signatories").then().statusCode(401);
        for (int i = 0; i <= Upstreams.TIGHT_LIMIT; i++) {
            given().header("X-Forwarded-For", "ignored").get("/api/v1/test-open-limited/x");
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("taskforce_gateway_requests_seconds_bucket\\{[^}]*method=\"GET\",route=\"public\","
                        + "status=\"2xx\",le=\"[0-9.]+\"} [1-9]")
                .containsPattern("taskforce_gateway_requests_seconds_count\\{[^}]*route=\"membership\",status=\"4xx\"} [1-9]")
                .containsPattern("taskforce_gateway_rate_limited_total\\{group=\"tight\",route=\"test-open-limited\"} [1-9]")
                .contains("taskforce_gateway_circuit_state{route=\"membership\",state=\"closed\"} 1.0")
                .contains("taskforce_gateway_circuit_state{route=\"membership\",state=\"open\"} 0.0")
                // one series per route, never one per address (an id in a path would make a series per id)
                .doesNotContain(id);
    }
}
