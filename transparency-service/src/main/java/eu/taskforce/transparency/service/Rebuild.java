package eu.taskforce.transparency.service;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the read model from the topics into a new generation while the served one keeps answering. A plain Kafka
 * consumer without a consumer group reads every partition from offset 0 in a thread of its own up to the end offsets
 * taken when it started; meanwhile the live consumers write every new event to both generations. Once it has caught
 * up, one transaction makes the new generation the served one, and the old one is deleted. Each entry derived again is
 * checked against the log: the log is never rebuilt, only corrected.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    private final EntityManager em;
    private final Ingest ingest;
    private final Projector projector;
    private final Generations generations;
    private final TopicNames topicNames;
    private final String bootstrapServers;
    private final AtomicLong applied = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean stopping;
    private volatile Map<TopicPartition, Long> target = Map.of();
    private volatile SwitchHold hold;

    public Rebuild(EntityManager em, Ingest ingest, Projector projector, Generations generations,
                   TopicNames topicNames, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.ingest = ingest;
        this.projector = projector;
        this.generations = generations;
        this.topicNames = topicNames;
        this.bootstrapServers = bootstrapServers;
    }

    /** What the rebuild is doing, for the AI Office. */
    public record Status(int servedGeneration, Integer buildingGeneration, long recordsRead,
                         Map<String, Long> targetOffsets, List<GenerationRow> generations) {
    }

    public record GenerationRow(int generation, String status, OffsetDateTime startedAt, OffsetDateTime switchedAt,
                                String detail) {
    }

    /**
     * A seam for the module tests: the next rebuild, once caught up, counts down {@code caughtUp} and waits (at most
     * five minutes) for {@code release} before it switches, so that a test can send an event the rebuild cannot read.
     */
    public record SwitchHold(CountDownLatch caughtUp, CountDownLatch release) {
    }

    /** Holds the next rebuild before its switch (module tests only). */
    public SwitchHold holdNextSwitch() {
        SwitchHold next = new SwitchHold(new CountDownLatch(1), new CountDownLatch(1));
        hold = next;
        return next;
    }

    /** Starts a rebuild into a new generation; a 409 while one is running. */
    public synchronized Status start() {
        if (generations.building().isPresent()) {
            throw ProblemException.conflict("A rebuild is already running; wait until it has switched");
        }
        int generation = QuarkusTransaction.requiringNew().call(() -> {
            int next = ((Number) em.createNativeQuery("select coalesce(max(generation), 0) + 1 from register_generation")
                    .getSingleResult()).intValue();
            em.createNativeQuery("""
                            insert into register_generation (generation, status, started_at) values (:g, 'BUILDING', now())""")
                    .setParameter("g", next).executeUpdate();
            return next;
        });
        applied.set(0);
        stopping = false;
        worker = new Thread(() -> run(generation), "register-rebuild-" + generation);
        worker.setDaemon(true);
        worker.start();
        return status();
    }

    public Status status() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select generation, status, started_at, switched_at, detail from register_generation
                        order by generation desc limit 10""").getResultList();
        Map<String, Long> offsets = new HashMap<>();
        target.forEach((tp, offset) -> offsets.put(tp.toString(), offset));
        return new Status(generations.served(), generations.building().orElse(null), applied.get(), offsets,
                rows.stream().map(r -> new GenerationRow(((Number) r[0]).intValue(), (String) r[1],
                        r[2] == null ? null : Projector.utc(Projector.instant(r[2])),
                        r[3] == null ? null : Projector.utc(Projector.instant(r[3])), (String) r[4])).toList());
    }

    /** True while a rebuild's thread is running. */
    public boolean running() {
        Thread current = worker;
        return current != null && current.isAlive();
    }

    /**
     * A rebuild does not survive a restart (its consumer has no committed offsets to resume from): a generation left
     * BUILDING by a stopped service is marked FAILED and deleted, so that the live consumers stop writing to it and
     * the AI Office can start again.
     */
    void abandonInterrupted(@Observes StartupEvent startup) {
        generations.building().ifPresent(generation -> {
            LOG.warnf("Generation %d was being rebuilt when the service stopped; it is dropped", generation);
            fail(generation, "interrupted by a restart of the service");
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private void run(int generation) {
        Map<String, String> contractTopics = Map.of(topicNames.of(Topics.MEMBERSHIP), Topics.MEMBERSHIP,
                topicNames.of(Topics.MEETINGS), Topics.MEETINGS, topicNames.of(Topics.GUIDANCE), Topics.GUIDANCE);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : contractTopics.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            target = end;
            LOG.infof("Rebuilding the register into generation %d up to %s", generation, end);
            while (!caughtUp(consumer, end)) {
                if (stopping) {
                    fail(generation, "stopped with the service before it caught up");
                    return;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record, contractTopics.get(record.topic()), generation);
                }
            }
            waitForRelease();
            switchTo(generation);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The rebuild of generation %d failed", generation);
            fail(generation, "failed: " + e.getClass().getSimpleName());
        }
    }

    private void apply(ConsumerRecord<String, String> record, String contractTopic, int generation) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ingest.rebuild(record, contractTopic, generation));
            applied.incrementAndGet();
        } catch (IllegalArgumentException e) {
            // the live consumer sent it to the dead-letter topic with its reason when it first came
            LOG.debugf("Rebuild skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void waitForRelease() {
        SwitchHold held = hold;
        if (held == null) {
            return;
        }
        hold = null;
        held.caughtUp().countDown();
        try {
            held.release().await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(30)) >= e.getValue());
    }

    private void switchTo(int generation) {
        int previous = QuarkusTransaction.requiringNew().call(() -> {
            int served = generations.served();
            // waits for the live consumers' transactions (they hold a share lock on these rows), and every one after
            // this commit writes to the new generation
            em.createNativeQuery("update register_generation set status = 'RETIRED', switched_at = now() where status = 'SERVING'")
                    .executeUpdate();
            em.createNativeQuery("update register_generation set status = 'SERVING', switched_at = now() where generation = :g")
                    .setParameter("g", generation).executeUpdate();
            return served;
        });
        LOG.infof("Generation %d of the register is served now (%d records read); deleting generation %d",
                generation, applied.get(), previous);
        QuarkusTransaction.requiringNew().run(() -> projector.delete(previous));
    }

    private void fail(int generation, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update register_generation set status = 'FAILED', detail = :detail where generation = :g")
                    .setParameter("g", generation).setParameter("detail", detail).executeUpdate();
            projector.delete(generation);
        });
    }

    Optional<Thread> worker() {
        return Optional.ofNullable(worker);
    }
}
