package eu.taskforce.gateway.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

        await().atMost(Duration.ofSeconds(10)).until(() -> !linesOf(id).isEmpty());
        JsonNode line = linesOf(id).get(0);
        assertThat(line.at("/loggerName").asText()).isEqualTo("io.quarkus.http.access-log");
        assertThat(line.at("/mdc/traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.at("/mdc/spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(line.get("message").asText()).contains("/calendar/personal/[redacted]");
        assertThat(read()).doesNotContain(token);
    }

    private static List<JsonNode> linesOf(String requestId) {
        return read().lines().map(JsonLogLinesTest::parse)
                .filter(line -> requestId.equals(line.at("/mdc/requestId").asText())).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static String read() {
        try {
            return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
