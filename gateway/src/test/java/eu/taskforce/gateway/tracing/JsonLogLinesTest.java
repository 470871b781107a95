package eu.taskforce.gateway.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.common.testing.JsonLogFile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** TASKFORCE_LOG_JSON=true: the gateway's lines are JSON, a request's with its ids, the calendar token redacted. */
@QuarkusTest
@TestProfile(JsonLogLinesTest.JsonLogs.class)
class JsonLogLinesTest {

    private static final Path LOG = Path.of("target/gateway-json.log");
    private static final JsonLogFile LINES = new JsonLogFile(LOG);

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("TASKFORCE_LOG_JSON", "true", "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void theAccessLogLineIsJsonWithTheRequestsIds() {
        String id = "json-" + UUID.randomUUID();
        String token = "gWjSoN" + UUID.randomUUID().toString().replace("-", "");
        given().header("X-Request-Id", id)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/meetings/calendar/personal/" + token + ".ics").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !LINES.linesOf(id).isEmpty());
        JsonNode line = LINES.linesOf(id).get(0);
        assertThat(line.at("/loggerName").asText()).isEqualTo("io.quarkus.http.access-log");
        assertThat(line.at("/mdc/traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.at("/mdc/spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(line.get("message").asText()).contains("/calendar/personal/[redacted]");
        assertThat(LINES.text()).doesNotContain(token);
    }
}
