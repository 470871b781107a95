package eu.taskforce.common.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
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
        return BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build())
                .build();
    }
}
