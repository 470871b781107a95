package eu.taskforce.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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
            assertThat(export.isStartRequired()).isFalse();
        } finally {
            export.shutdown();
        }
    }

    @Test
    void aDatabaseStatementIsExportedOnlyAsPartOfATrace() {
        List<String> exported = new ArrayList<>();
        SpanProcessor recording = new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {
            }

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                exported.add(span.getName());
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(OtlpExport.statementsOfTracesOnly(recording)).build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder("SELECT outbox").setAttribute("db.system", "postgresql").startSpan().end();
            tracer.spanBuilder("SELECT outbox (new conventions)").setAttribute("db.system.name", "postgresql")
                    .startSpan().end();
            Span request = tracer.spanBuilder("POST /api/v1/membership/signatories").startSpan();
            try (Scope ignored = request.makeCurrent()) {
                tracer.spanBuilder("INSERT membership.signatory").setAttribute("db.system", "postgresql")
                        .startSpan().end();
            } finally {
                request.end();
            }
        }
        assertThat(exported).containsExactly("INSERT membership.signatory", "POST /api/v1/membership/signatories");
    }
}
