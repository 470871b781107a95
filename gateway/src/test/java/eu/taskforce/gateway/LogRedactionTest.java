package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No credential reaches a log line: the personal calendar feed's token (the only credential of a feed with joining
 * links) and secret query parameters are redacted in the access log, however the path is spelled, and in the lines
 * the gateway and its libraries write about the request; the rest of the access log line stays.
 */
@QuarkusTest
class LogRedactionTest {

    private static final String TOKEN = "pLaNtEd" + UUID.randomUUID().toString().replace("-", "");
    private static final String CALENDAR = "/api/v1/meetings/calendar/personal/";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext && ext.getFormattedMessage() != null) {
                lines.add(ext.getFormattedMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noLineHeldTheToken() {
        Logger.getLogger("").removeHandler(capture);
        assertThat(lines).noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void theAccessLogShowsTheCalendarRouteWithoutItsToken() {
        given().header("X-Request-Id", "calendar-1").urlEncodingEnabled(false)
                .get(CALENDAR + TOKEN + ".ics?access_token=" + TOKEN + "&limit=5&%74oken=" + TOKEN)
                .then().statusCode(200);

        assertThat(accessLogLine("calendar-1"))
                .matches("127\\.0\\.0\\.1 \"GET " + CALENDAR
                        + "\\[redacted]\\?access_token=\\[redacted]&limit=5&%74oken=\\[redacted] HTTP/1\\.1\" 200 \\d+ \\d+ ms"
                        + " req=calendar-1 trace=[0-9a-f]{32} span=[0-9a-f]{16}");
    }

    @Test
    void noSpellingOfThePathKeepsTheTokenInTheAccessLog() throws Exception {
        // as routed: dot segments resolved, an unreserved character decoded; and what is not routed at all
        assertThat(send("/api/v1/meetings/calendar/./personal/" + TOKEN + ".ics", "spelling-1")).isEqualTo(200);
        assertThat(accessLogLine("spelling-1")).contains("\"GET " + CALENDAR + "[redacted] HTTP/1.1\" 200 ");
        assertThat(send("/api/v1/meetings/calendar/%70ersonal/" + TOKEN, "spelling-2")).isEqualTo(200);
        assertThat(accessLogLine("spelling-2")).contains("\"GET " + CALENDAR + "[redacted] HTTP/1.1\" 200 ");
        assertThat(send("/api/v1/meetings/calendar/personal;v=1/" + TOKEN, "spelling-3")).isEqualTo(401);
        assertThat(accessLogLine("spelling-3"))
                .contains("\"GET /api/v1/meetings/calendar/personal;v=1/[redacted] HTTP/1.1\" 401 ");
        int doubled = send("/" + CALENDAR + TOKEN, "spelling-4");
        assertThat(accessLogLine("spelling-4")).contains("[redacted] HTTP/1.1\" " + doubled + " ");
    }

    @Test
    void aTimeoutIsLoggedWithoutTheRequestsUri() {
        // Vert.x's timeout message quotes the whole URI: the gateway's warning must not pass it on
        given().header("X-Request-Id", "slow-1").get("/api/v1/test-slow/items?delay=3000&token=" + TOKEN)
                .then().statusCode(504);
        assertThat(accessLogLine("slow-1"))
                .contains("\"GET /api/v1/test-slow/items?delay=3000&token=[redacted] HTTP/1.1\" 504 ");
        assertThat(lines).anyMatch(line -> line.equals("test-slow did not answer within PT0.5S"));
    }

    @Test
    void theConsoleHandlerRedactsWhatALibraryQuotes() {
        ConsoleHandler console = consoleHandler(Logger.getLogger("").getHandlers())
                .orElseThrow(() -> new AssertionError("no console handler"));
        // the line Quarkus's error handler writes for an unhandled failure
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "HTTP Request to %s failed, error id: %s",
                ExtLogRecord.FormatStyle.PRINTF, LogRedactionTest.class.getName());
        record.setParameters(new Object[] {CALENDAR + TOKEN + ".ics?token=" + TOKEN, "e-1"});

        assertThat(console.isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage())
                .isEqualTo("HTTP Request to " + CALENDAR + "[redacted]?token=[redacted] failed, error id: e-1");
    }

    private String accessLogLine(String requestId) {
        String marker = " req=" + requestId + " ";
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains(marker)));
        return lines.stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    }

    /** A request sent exactly as written (RestAssured would tidy the path). */
    private static int send(String path, String requestId) throws Exception {
        return Gateway.client().send(HttpRequest.newBuilder(URI.create(Gateway.url(path)))
                        .header("X-Request-Id", requestId).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Optional<ConsoleHandler> consoleHandler(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler console) {
                return Optional.of(console);
            }
            if (handler instanceof ExtHandler parent) {
                Optional<ConsoleHandler> found = consoleHandler(parent.getHandlers());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
