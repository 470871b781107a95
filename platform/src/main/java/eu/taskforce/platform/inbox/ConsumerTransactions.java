package eu.taskforce.platform.inbox;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.platform.problem.Failures;
import eu.taskforce.platform.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How every consumer applies a record: in a transaction of its own, done again with back-off while the failure is
 * transient ({@link Failures#transientDatabase}: PostgreSQL restarting or away, a serialization or deadlock conflict).
 * A record is never dead-lettered because the database was away: past {@link #RETRY_FOR} the failure strategy
 * {@link DeadLetterUnlessTransient} stops the channel instead, liveness goes DOWN, and the supervisor (or Kubernetes)
 * replaces the process, which reads again from the last committed offset. {@link #RETRY_FOR} stays below the Kafka
 * connector's limit on the age of an unprocessed record (60 s with the throttled commit strategy).
 * <p>
 * Each record is applied in a span of its own whose parent is the event's {@code ce_traceparent} (the relay's publish
 * span), so the trace of the request that recorded the event goes on into every service that applies it; the database
 * work and the log lines of the consumer carry that trace. The Kafka connector's own spans are off
 * ({@code quarkus.otel.instrument.messaging=false}): they would start a trace of their own for every record.
 */
@ApplicationScoped
public class ConsumerTransactions {

    static final Duration RETRY_FOR = Duration.ofSeconds(40);

    private static final Logger LOG = Logger.getLogger(ConsumerTransactions.class);

    private final Guard retry = Guard.create()
            .withDescription("event consumers: transient database failures")
            .withRetry()
            .maxRetries(-1)
            .maxDuration(RETRY_FOR.toMillis(), ChronoUnit.MILLIS)
            .delay(100, ChronoUnit.MILLIS)
            .jitter(50, ChronoUnit.MILLIS)
            .withExponentialBackoff().factor(2).maxDelay(5, ChronoUnit.SECONDS).done()
            .whenException(Failures::transientDatabase)
            .beforeRetry((Throwable failure) -> LOG.warnf("Applying an event again after a transient database failure (%s)",
                    failure.getClass().getSimpleName()))
            .done()
            .build();

    private final Tracer tracer;

    public ConsumerTransactions(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Applies {@code record} by running {@code work} in a new transaction, again while it fails transiently; any other
     * failure is thrown at once. All of it runs in one span, a child of the event's {@code ce_traceparent}.
     */
    public void inTransaction(ConsumerRecord<?, ?> record, Runnable work) {
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceParents.parent(header(record, CloudEvents.HEADER_TRACEPARENT)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id", String.valueOf(header(record, CloudEvents.HEADER_ID)))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            retry.get(() -> {
                QuarkusTransaction.requiringNew().run(work);
                return null;
            }, Void.class);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
