package eu.taskforce.common.logging;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactionTest {

    private static final String TOKEN = "p1anted-T0ken_xyz";

    @ParameterizedTest
    @CsvSource({
            "/api/v1/meetings/calendar/personal/" + TOKEN + ".ics, /api/v1/meetings/calendar/personal/[redacted]",
            "/api/v1/meetings/calendar/personal/" + TOKEN + ", /api/v1/meetings/calendar/personal/[redacted]",
            "/api/v1/meetings/calendar/personal/" + TOKEN + "/more, /api/v1/meetings/calendar/personal/[redacted]/more",
            "//api/v1/meetings//calendar/personal//" + TOKEN + ", //api/v1/meetings//calendar/personal//[redacted]",
            "/api/v1/meetings/calendar/personal;v=1/" + TOKEN + ", /api/v1/meetings/calendar/personal;v=1/[redacted]"})
    void secretPathSegmentsAreRedacted(String path, String logged) {
        assertThat(SecretRedaction.path(path)).isEqualTo(logged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/meetings/calendar/public.ics", "/api/v1/meetings/calendar/personal",
            "/api/v1/meetings/calendar/personal/", "/api/v1/meetings/calendar/feeds/42",
            "/api/v1/guidance/documents/7/sections/scope", "/"})
    void otherPathsAreLoggedAsTheyAre(String path) {
        assertThat(SecretRedaction.path(path)).isSameAs(path);
    }

    @Test
    void secretQueryValuesAreRedactedWhateverTheNamesCase() {
        assertThat(SecretRedaction.query("token=a&ACCESS_TOKEN=b&Key=c&client-secret=d&X-Amz-Signature=e&sig=f"
                + "&apiKey=g&password=h&%74oken=i"))
                .isEqualTo("token=[redacted]&ACCESS_TOKEN=[redacted]&Key=[redacted]&client-secret=[redacted]"
                        + "&X-Amz-Signature=[redacted]&sig=[redacted]&apiKey=[redacted]&password=[redacted]"
                        + "&%74oken=[redacted]");
    }

    @Test
    void otherQueryParametersStay() {
        String query = "limit=5&cursor=a%20b&sectionKey=scope&codeReference=SAFETY_AND_SECURITY-3&flag&=x&key";
        assertThat(SecretRedaction.query(query)).isEqualTo(query);
        assertThat(SecretRedaction.query("%zz=1&token=%zz")).isEqualTo("%zz=1&token=[redacted]");
    }

    @Test
    void uriJoinsTheRedactedPathAndQuery() {
        assertThat(SecretRedaction.uri("/api/v1/meetings/calendar/personal/" + TOKEN, "token=" + TOKEN + "&limit=5"))
                .isEqualTo("/api/v1/meetings/calendar/personal/[redacted]?token=[redacted]&limit=5");
        assertThat(SecretRedaction.uri("/api/v1/public/participants", null)).isEqualTo("/api/v1/public/participants");
    }

    @Test
    void freeTextLosesTheSecretsItQuotes() {
        assertThat(SecretRedaction.text("The timeout period of 500ms has been exceeded while executing GET "
                + "/api/v1/meetings/calendar/personal/" + TOKEN + ".ics?limit=5&Access_Token=" + TOKEN
                + " for server 127.0.0.1:8082"))
                .isEqualTo("The timeout period of 500ms has been exceeded while executing GET "
                        + "/api/v1/meetings/calendar/personal/[redacted]?limit=5&Access_Token=[redacted]"
                        + " for server 127.0.0.1:8082");
        assertThat(SecretRedaction.text("\"http://h/api/v1/meetings/calendar/personal;x=1//" + TOKEN + "\""))
                .isEqualTo("\"http://h/api/v1/meetings/calendar/personal;x=1//[redacted]\"");
        String plain = "Route meetings: /api/v1/meetings/* -> http://127.0.0.1:8082?sectionKey=scope&monkey=1";
        assertThat(SecretRedaction.text(plain)).isEqualTo(plain);
    }

    @Test
    void theLogFilterRewritesAFormattedMessageAndKeepsTheLine() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "HTTP Request to %s failed, error id: %s",
                ExtLogRecord.FormatStyle.PRINTF, SecretRedactionTest.class.getName());
        record.setParameters(new Object[] {"/api/v1/meetings/calendar/personal/" + TOKEN + ".ics", "e-1"});

        assertThat(new SecretLogFilter().isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage())
                .isEqualTo("HTTP Request to /api/v1/meetings/calendar/personal/[redacted] failed, error id: e-1");

        ExtLogRecord harmless = new ExtLogRecord(Level.INFO, "Route %s", ExtLogRecord.FormatStyle.PRINTF, "x");
        harmless.setParameters(new Object[] {"meetings"});
        assertThat(new SecretLogFilter().isLoggable(harmless)).isTrue();
        assertThat(harmless.getParameters()).containsExactly("meetings");
    }
}
