package eu.taskforce.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A span context as a W3C {@code traceparent} and back, through OpenTelemetry's own propagator (no hand-made parsing):
 * how a trace crosses the outbox table and Kafka ({@code ce_traceparent}).
 */
public final class TraceParents {

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Collections.singleton(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceParents() {
    }

    /** The traceparent of the current span, or null outside any (valid) span. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The traceparent naming {@code span}, or null when it is not a valid span context. */
    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A context whose parent is the span {@code traceparent} names; the root context when it is null or invalid. */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.strip(), ONE_VALUE);
    }
}
