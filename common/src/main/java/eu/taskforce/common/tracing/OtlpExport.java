package eu.taskforce.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Sends the spans over OTLP (HTTP/protobuf) when {@code TASKFORCE_OTLP_ENDPOINT} names a collector
 * ({@code http://collector:4318}); otherwise no exporter exists at all. Quarkus's own exporter is off at build time
 * ({@code quarkus.otel.exporter.otlp.enabled=false}): without an endpoint it would send to localhost:4317 and log each
 * failure. The spans are still made either way: their ids name the log lines and travel in {@code traceparent}.
 * Quarkus adds every {@link SpanProcessor} bean to its tracer provider; this jar is indexed, so the gateway and every
 * service get this one.
 */
@Singleton
public class OtlpExport {

    public static final String ENDPOINT = "taskforce.otlp.endpoint";
    /** The database of a JDBC statement's span (semantic conventions, older and current name). */
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");

    @Produces
    @Singleton
    SpanProcessor otlpSpans(@ConfigProperty(name = ENDPOINT) Optional<String> endpoint) {
        return processor(endpoint.map(String::strip).filter(url -> !url.isEmpty()));
    }

    /** A batching OTLP export to {@code <endpoint>/v1/traces}, or a processor that does nothing. */
    static SpanProcessor processor(Optional<String> endpoint) {
        if (endpoint.isEmpty()) {
            return SpanProcessor.composite();
        }
        String base = endpoint.get().endsWith("/") ? endpoint.get().substring(0, endpoint.get().length() - 1)
                : endpoint.get();
        return statementsOfTracesOnly(BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build()).build());
    }

    /**
     * Passes every span on to {@code export} but a database statement of no trace: the services' background work (the
     * outbox relay's polls, the scheduled jobs) would otherwise send a one-span trace per statement. A statement made
     * while a request or an event is handled is part of that trace and is exported with it.
     */
    static SpanProcessor statementsOfTracesOnly(SpanProcessor export) {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {
                export.onStart(parentContext, span);
            }

            @Override
            public boolean isStartRequired() {
                return export.isStartRequired();
            }

            @Override
            public void onEnd(ReadableSpan span) {
                boolean loneStatement = !span.getParentSpanContext().isValid()
                        && (span.getAttribute(DB_SYSTEM) != null || span.getAttribute(DB_SYSTEM_NAME) != null);
                if (!loneStatement) {
                    export.onEnd(span);
                }
            }

            @Override
            public boolean isEndRequired() {
                return export.isEndRequired();
            }

            @Override
            public CompletableResultCode shutdown() {
                return export.shutdown();
            }

            @Override
            public CompletableResultCode forceFlush() {
                return export.forceFlush();
            }
        };
    }
}
