package eu.taskforce.gateway.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The gateway's port is public: /q/metrics answers only the listed addresses (here not the test's 127.0.0.1). */
@QuarkusTest
@TestProfile(MetricsOnlyForScrapersTest.ElsewhereOnly.class)
class MetricsOnlyForScrapersTest {

    public static class ElsewhereOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("taskforce.gateway.metrics.allowed-addresses", "192.0.2.10");
        }
    }

    @Test
    void anyoneElseGetsA404Problem() {
        given().get("/q/metrics").then().statusCode(404).contentType(containsString("problem+json"));
        given().get("/q/metrics/").then().statusCode(404);
    }
}
