package eu.taskforce.common.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** No collector named, no spans made; a collector named in the environment or as a system property, spans. */
class TracingSwitchTest {

    @Test
    void theSdkIsOffUnlessACollectorIsNamed() {
        assertThat(TracingSwitch.disabled(null, null)).isEqualTo("true");
        assertThat(TracingSwitch.disabled(" ", "")).isEqualTo("true");
        assertThat(TracingSwitch.disabled("http://collector:4318", null)).isEqualTo("false");
        assertThat(TracingSwitch.disabled(null, "http://127.0.0.1:4318")).isEqualTo("false");
    }

    @Test
    void itIsAServiceLoadedSourceBelowTheConfigurationFiles() {
        TracingSwitch source = new TracingSwitch();
        assertThat(source.getOrdinal()).isLessThan(100);
        assertThat(source.getPropertyNames()).containsExactly("quarkus.otel.sdk.disabled");
        assertThat(source.getValue("quarkus.otel.sdk.disabled")).isIn("true", "false");
        assertThat(source.getValue("something.else")).isNull();
    }
}
