package eu.taskforce.common.tracing;

import io.opentelemetry.sdk.trace.SpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an endpoint nothing is exported (no exporter exists); with one, spans are batched to it. */
class OtlpExportTest {

    @Test
    void noEndpointNoExporter() {
        SpanProcessor none = OtlpExport.processor(Optional.empty());
        assertThat(none.isStartRequired()).isFalse();
        assertThat(none.isEndRequired()).isFalse();
    }

    @Test
    void anEndpointGetsABatchingExporter() {
        SpanProcessor export = OtlpExport.processor(Optional.of("http://127.0.0.1:4318/"));
        try {
            assertThat(export.isEndRequired()).isTrue();
            assertThat(export.getClass().getSimpleName()).isEqualTo("BatchSpanProcessor");
        } finally {
            export.shutdown();
        }
    }
}
