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
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

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
 * <p>
 * A channel read in batches ({@code batch=true}) applies a whole poll in one transaction ({@link #inOneTransaction}):
 * one commit for hundreds of records instead of one each. Its span is a child of the first record's
 * {@code ce_traceparent} (a batch of one is traced as a single record) and links every record's.
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
        inSpan(tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceParents.parent(header(record, CloudEvents.HEADER_TRACEPARENT)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id", String.valueOf(header(record, CloudEvents.HEADER_ID)))
                .startSpan(), work);
    }

    /**
     * Applies a batch of records (one poll of a channel with {@code batch=true}) by running {@code apply} on all of
     * them in one transaction, again while it fails transiently; the offsets are acknowledged once it committed. When
     * it fails otherwise (a record that cannot be applied rolled the batch back), the records are applied again one by
     * one, each in a transaction of its own and in their order, and a record that fails is nacked alone: the channel's
     * failure strategy sends it to the dead-letter topic, the others are applied. A transient failure that outlasted
     * the retries nacks the batch, which stops the channel ({@link DeadLetterUnlessTransient}): nothing of it is
     * acknowledged, the next process reads it again, and the inbox makes what was committed a no-op.
     *
     * @param apply applies records in the current transaction: the whole batch first, then (after a failure) one record
     *              at a time; it must apply them in their order (the order per key)
     */
    public <K, V> CompletionStage<Void> inOneTransaction(KafkaRecordBatch<K, V> batch,
                                                         Consumer<List<ConsumerRecord<K, V>>> apply) {
        List<KafkaRecord<K, V>> messages = batch.getRecords();
        List<ConsumerRecord<K, V>> records = messages.stream().map(ConsumerTransactions::<K, V>consumerRecord).toList();
        if (records.isEmpty()) {
            return batch.ack();
        }
        try {
            if (records.size() == 1) {
                inTransaction(records.get(0), () -> apply.accept(records));
            } else {
                inSpan(batchSpan(records), () -> apply.accept(records));
            }
        } catch (RuntimeException failure) {
            if (Failures.transientDatabase(failure)) {
                return batch.nack(failure);
            }
            if (records.size() == 1) {
                return messages.get(0).nack(failure);
            }
            LOG.infof("A batch of %d records of %s was rolled back (%s): applying them one by one", records.size(),
                    records.get(0).topic(), failure.toString());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<K, V> record = records.get(i);
                try {
                    inTransaction(record, () -> apply.accept(List.of(record)));
                } catch (RuntimeException recordFailure) {
                    if (Failures.transientDatabase(recordFailure)) {
                        return batch.nack(recordFailure);
                    }
                    // dead-lettered before the records after it are applied
                    messages.get(i).nack(recordFailure).toCompletableFuture().join();
                }
            }
        }
        return batch.ack();
    }

    private Span batchSpan(List<? extends ConsumerRecord<?, ?>> records) {
        ConsumerRecord<?, ?> first = records.get(0);
        var builder = tracer.spanBuilder(first.topic() + " process")
                .setParent(TraceParents.parent(header(first, CloudEvents.HEADER_TRACEPARENT)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", first.topic())
                .setAttribute("messaging.batch.message_count", (long) records.size());
        for (ConsumerRecord<?, ?> record : records) {
            var linked = Span.fromContext(TraceParents.parent(header(record, CloudEvents.HEADER_TRACEPARENT)))
                    .getSpanContext();
            if (linked.isValid()) {
                builder.addLink(linked);
            }
        }
        return builder.startSpan();
    }

    private void inSpan(Span span, Runnable work) {
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

    @SuppressWarnings("unchecked")
    private static <K, V> ConsumerRecord<K, V> consumerRecord(KafkaRecord<K, V> message) {
        return (ConsumerRecord<K, V>) message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Not a record read from Kafka")).getRecord();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
