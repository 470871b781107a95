package eu.taskforce.guidance;

import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.FEEDBACK;
import static eu.taskforce.guidance.Guidance.WINDOWS;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confidential feedback is never in a log line: its text, given, edited, refused as too long or in a malformed body,
 * and answered by the AI Office, leaves no trace in what the service writes (its log file, with the access log and
 * this service's DEBUG lines).
 */
@QuarkusTest
class ConfidentialLogTest extends CurrentMembersTest {

    private static final Path LOG = Path.of("target/guidance-test.log");

    @Test
    void confidentialFeedbackIsInNoLogLine() throws IOException {
        String marker = "CONFIDENTIAL-" + UUID.randomUUID();
        long from = Files.exists(LOG) ? Files.size(LOG) : 0;

        String window = Guidance.openWindow("Log lines");
        String item = Guidance.give(MEMBER_A, window,
                Guidance.feedback("scope", "Our figures " + marker, "ATTRIBUTED", "CONFIDENTIAL"));
        MEMBER_A.request().header("If-Match", Guidance.etag(MEMBER_A, FEEDBACK + "/" + item))
                .body(Guidance.feedback("scope", "Our revised figures " + marker, "ATTRIBUTED", "CONFIDENTIAL"))
                .put(FEEDBACK + "/" + item).then().statusCode(200);
        MEMBER_A.request().body(Guidance.feedback("scope", marker + "x".repeat(10_001), "ATTRIBUTED", "CONFIDENTIAL"))
                .post(WINDOWS + "/" + window + "/feedback").then().statusCode(400);
        MEMBER_A.request().body("{\"sectionKey\":\"scope\",\"text\":\"" + marker + "\",\"visibility\":CONFIDENTIAL}")
                .post(WINDOWS + "/" + window + "/feedback").then().statusCode(400);
        Guidance.close(window);
        Guidance.answer(item, "ACCEPTED");

        String written = read(from);
        // the log is the one this service wrote these requests to (the access log names the item)...
        assertThat(written).contains("/api/v1/guidance/feedback/" + item);
        // ...and no line of it holds the confidential text
        assertThat(written).doesNotContain(marker);
    }

    static String read(long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            file.seek(from);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
