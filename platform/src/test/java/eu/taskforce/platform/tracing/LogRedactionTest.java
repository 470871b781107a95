package eu.taskforce.platform.tracing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No credential in a service's log: a failure on the personal calendar route (whose token is the feed's credential)
 * is logged with the token and secret query values redacted, by the problem mappers and by Quarkus's own error
 * handler, and so is the access log line when a service switches the access log on. Read from the log file the test
 * profile writes (the console's format, the same filter).
 */
@QuarkusTest
class LogRedactionTest {

    private static final Path LOG = Path.of("target/platform-test.log");
    private static final String TOKEN = "pLaNtEd" + UUID.randomUUID().toString().replace("-", "");
    private static final String CALENDAR = "/api/v1/meetings/calendar/personal/";

    @Test
    void aFailureOnTheCalendarRouteIsLoggedWithoutTheToken() {
        String id = "calendar-" + UUID.randomUUID();
        given().header("X-Request-Id", id).urlEncodingEnabled(false)
                .get(CALENDAR + TOKEN + ".ics?access_token=" + TOKEN + "&limit=5&%74oken=" + TOKEN)
                .then().statusCode(500).contentType("application/problem+json");

        // the file outlives a run: each line is found by this run's request id
        awaitLine(line -> line.contains("[req=" + id + " ") && line.contains("Unexpected error on " + CALENDAR
                + "[redacted]"));
        // the access log's own redaction: the filter alone would miss a percent-encoded name
        awaitLine(line -> line.matches(".* INFO  \\[io\\.qu\\.ht\\.access-log] .* \"GET " + CALENDAR + "\\[redacted]"
                + "\\?access_token=\\[redacted]&limit=5&%74oken=\\[redacted] HTTP/1\\.1\" 500 \\d+ req=" + id));
        assertThat(log()).doesNotContain(TOKEN);
    }

    @Test
    void quarkussOwnErrorHandlerQuotesTheUriWithoutTheToken() {
        String run = UUID.randomUUID().toString();
        given().urlEncodingEnabled(false).get(CALENDAR + TOKEN + "?how=error&Token=" + TOKEN + "&run=" + run)
                .then().statusCode(500);

        awaitLine(line -> line.contains("HTTP Request to " + CALENDAR + "[redacted]?how=error&Token=[redacted]&run="
                + run + " failed"));
        assertThat(log()).doesNotContain(TOKEN);
    }

    private static void awaitLine(Predicate<String> expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> log().lines().anyMatch(expected));
    }

    private static String log() {
        try {
            return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
