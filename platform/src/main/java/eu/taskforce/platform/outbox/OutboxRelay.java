package eu.taskforce.platform.outbox;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.tracing.TraceParents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the outbox to Kafka as CloudEvents (binary mode), in outbox order, and marks what Kafka acknowledged.
 * <p>
 * Several instances of a service may run: a transaction-scoped advisory lock lets one relay at a time publish,
 * which also keeps each aggregate's events in order. While Kafka is away the relay backs off (doubling up to
 * {@code taskforce.outbox.max-backoff}) and the events wait in the table; nothing is lost. A crash between the
 * send and the commit publishes an event twice, which consumers absorb through their inbox.
 * <p>
 * A pass runs right after each transaction that recorded events commits ({@link #afterCommit()}, on the relay's own
 * thread), so an event reaches Kafka within milliseconds; the scheduled pass every {@code taskforce.outbox.interval}
 * is the safety net (events of another instance, a pass that failed, a restart).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant: the advisory lock key shared by the relays of one database. */
    private static final long RELAY_LOCK_KEY = 0x7461736b666f72L;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
    /** While another instance relays: how long to wait before trying again, and how often (about a scheduled interval). */
    private static final Duration CONTENDED_WAIT = Duration.ofMillis(5);
    private static final int CONTENDED_RETRIES = 200;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final TopicNames topicNames;
    private final String bootstrapServers;
    private final String source;
    private final AtomicLong pending = new AtomicLong();
    /** When the oldest event still waiting was recorded, as of the last pass; null when none waits. */
    private volatile OffsetDateTime oldestPending;
    private final Tracer tracer;

    private final ExecutorService afterCommitPasses = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    /** A pass after a commit is queued and has not started: commits in the meantime need no pass of their own. */
    private final AtomicBoolean passQueued = new AtomicBoolean();

    private KafkaProducer<String, String> producer;
    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;
    private boolean stopped;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config, TopicNames topicNames, MeterRegistry registry,
                       Tracer tracer,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.config = config;
        this.topicNames = topicNames;
        this.tracer = tracer;
        this.bootstrapServers = bootstrapServers;
        this.source = CloudEvents.source(applicationName);
        registry.gauge("taskforce.outbox.pending", pending);
        // computed when scraped, so it keeps growing while the relay is stuck (Kafka or the database away)
        Gauge.builder("taskforce.outbox.oldest.age", this, OutboxRelay::oldestPendingAgeSeconds)
                .description("Seconds since the oldest event not yet published was recorded (0: none waits)")
                .baseUnit("seconds").register(registry);
    }

    /** Seconds since the oldest unpublished event was recorded, as of the last pass; 0 when none waits. */
    public double oldestPendingAgeSeconds() {
        OffsetDateTime oldest = oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0);
    }

    /** Events recorded and not yet acknowledged by Kafka, as of the last relay pass. */
    public long pending() {
        return pending.get();
    }

    /** Queues a pass: called by {@link Outbox} once a transaction that recorded events has committed. Never blocks. */
    void afterCommit() {
        if (passQueued.compareAndSet(false, true)) {
            try {
                afterCommitPasses.execute(() -> {
                    passQueued.set(false);
                    relayPending();
                });
            } catch (RejectedExecutionException e) {
                passQueued.set(false); // stopping: the events wait in the table for the next start
            }
        }
    }

    @Scheduled(every = "${taskforce.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayScheduled() {
        relayPending();
    }

    /** Publishes all that is pending, one pass at a time in this instance (scheduled or after a commit). */
    private synchronized void relayPending() {
        if (stopped || Instant.now().isBefore(nextAttempt)) {
            return;
        }
        try {
            Pass pass;
            int contended = 0;
            while (true) {
                pass = relayBatch();
                // Another instance is relaying: it may have read its batch before this instance's events committed,
                // so try again as soon as its pass ends rather than leave them to the scheduled pass, a second later.
                if (pass.contended() && ++contended <= CONTENDED_RETRIES && !stopped) {
                    sleep(CONTENDED_WAIT);
                    continue;
                }
                if (pass.error() != null || pass.published() < config.batchSize()) {
                    break;
                }
            }
            if (pass.error() != null) {
                backOff(pass.error());
            } else {
                backoff = Duration.ZERO;
            }
        } catch (RuntimeException e) {
            backOff(rootMessage(e)); // the database itself is away
        }
    }

    private void backOff(String error) {
        backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), config.maxBackoff());
        nextAttempt = Instant.now().plus(backoff);
        LOG.warnf("Outbox relay could not publish (%s); %d event(s) wait, next attempt in %ss",
                error, pending.get(), backoff.toSeconds());
    }

    /**
     * The outcome of one relay pass: how many events Kafka acknowledged, why it stopped early if it did, and whether
     * another instance was relaying.
     */
    record Pass(int published, String error, boolean contended) {
        Pass(int published, String error) {
            this(published, error, false);
        }
    }

    /**
     * Publishes one batch. The acknowledged prefix and the failed attempt commit together, so a failure is
     * returned, not thrown (a throw would roll the marks back and publish those events again).
     */
    Pass relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK_KEY).getSingleResult();
            if (!locked) {
                return new Pass(0, null, true); // another instance is relaying
            }
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = entityManager.createNativeQuery(
                            "select * from outbox_event where published_at is null order by position limit :limit",
                            OutboxEvent.class)
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                oldestPending = null;
                pending.set(0);
                return new Pass(0, null);
            }
            oldestPending = batch.get(0).occurredAt;
            List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
            List<Span> spans = new ArrayList<>(batch.size());
            String failure = null;
            try {
                for (OutboxEvent event : batch) {
                    Span span = publishSpan(event);
                    spans.add(span);
                    Future<RecordMetadata> send = producer().send(toRecord(event, span));
                    sends.add(send);
                    if (failedAlready(send)) {
                        // Refused at once (no metadata within max.block.ms while Kafka is away): send nothing after
                        // it, or a later event could reach Kafka before this one and again on the next pass.
                        break;
                    }
                }
            } catch (RuntimeException e) {
                failure = rootMessage(e);
            }
            // Mark the acknowledged prefix only: an event after a failed one waits, so that order holds.
            int published = 0;
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < sends.size(); i++) {
                try {
                    RecordMetadata sent = sends.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    spans.get(i).setAttribute("messaging.destination.partition.id", Integer.toString(sent.partition()))
                            .setAttribute("messaging.kafka.offset", sent.offset());
                    if (failure == null) {
                        batch.get(i).publishedAt = now;
                        published++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = rootMessage(e);
                    spans.get(i).setStatus(StatusCode.ERROR, failure);
                } catch (Exception e) {
                    failure = failure == null ? rootMessage(e) : failure;
                    spans.get(i).setStatus(StatusCode.ERROR, failure);
                }
            }
            // a span made for an event whose send never started (after a refused one) ends too, marked as such
            for (int i = 0; i < spans.size(); i++) {
                if (i >= sends.size()) {
                    spans.get(i).setStatus(StatusCode.ERROR, "not sent");
                }
                spans.get(i).end();
            }
            // counted once the batch is out (and marked), so that counting never delays an event on its way
            entityManager.flush();
            pending.set(((Number) entityManager.createNativeQuery(
                    "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
            if (failure != null) {
                OutboxEvent stuck = batch.get(published);
                stuck.attempts++;
                stuck.lastError = truncate(failure, 1000);
                oldestPending = stuck.occurredAt;
            } else {
                oldestPending = null; // all that waited is out, or the next batch of this pass says what still waits
            }
            return new Pass(published, failure);
        });
    }

    /** True when a send has already completed with an error; never waits. */
    private static boolean failedAlready(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * The publish span of one event: a child of the span that recorded it (the request's), so that the trace goes on
     * from the request through the relay to the consumers, which continue from {@code ce_traceparent}.
     */
    private Span publishSpan(OutboxEvent event) {
        String topic = topicNames.of(event.topic);
        return tracer.spanBuilder(topic + " publish")
                .setParent(TraceParents.parent(event.traceParent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", event.id.toString())
                .setAttribute("cloudevents.event_type", event.type)
                .startSpan();
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event, Span span) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicNames.of(event.topic), event.subject,
                event.payload);
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, event.id.toString());
        header(record, CloudEvents.HEADER_SOURCE, source);
        header(record, CloudEvents.HEADER_TYPE, event.type);
        header(record, CloudEvents.HEADER_SUBJECT, event.subject);
        header(record, CloudEvents.HEADER_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt));
        header(record, CloudEvents.HEADER_DATA_SCHEMA, event.dataSchema);
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        String traceparent = TraceParents.of(span.getSpanContext());
        if (traceparent != null) {
            header(record, CloudEvents.HEADER_TRACEPARENT, traceparent);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(source.lastIndexOf('/') + 1) + "-outbox");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            // no wait for more records: a pass sends its whole batch before it waits for the acknowledgements, so
            // records are batched anyway while Kafka answers, and a single event leaves at once (the default waits 5 ms)
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // Fail fast while Kafka is away; the relay's own back-off decides when to try again.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    void onStop(@Observes ShutdownEvent event) {
        afterCommitPasses.shutdown();
        closeProducer();
    }

    private synchronized void closeProducer() {
        stopped = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
