package eu.taskforce.transparency.log;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.kafka.TopicReaders;
import eu.taskforce.platform.problem.Failures;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.ingest.Ingest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the read model from the topics into a new generation while the served one keeps answering. A plain Kafka
 * consumer without a consumer group reads every partition from offset 0 in a thread of its own up to the end offsets
 * taken when the rebuild began; meanwhile the live consumers write every new event to both generations. Once it has
 * caught up, one transaction checks that it has (the positions recorded against the end offsets) and makes the new
 * generation the served one, and the old one is deleted. Each entry derived again is checked against the log: the log
 * is never rebuilt, only corrected.
 *
 * <p>The rebuild's state is in {@code register_generation}, not in the instance that runs it: the instance holds a
 * lease, renewed while it reads, and records after each batch how far it has read. An instance that stops gives the
 * lease back; one that dies lets it run out. Either way, every instance looks for a rebuild whose lease ran out and
 * takes it over where it was (records applied twice are no-ops through the inbox), so starting or stopping instances
 * never ends a rebuild.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    private final RebuildState state;
    private final Ingest ingest;
    private final Generations generations;
    private final TopicNames topicNames;
    private final String bootstrapServers;
    /** This instance, as the holder of a lease. */
    private final String instance = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();
    private final AtomicLong applied = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean stopping;
    private volatile SwitchHold hold;

    public Rebuild(RebuildState state, Ingest ingest, Generations generations, TopicNames topicNames,
                   @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.state = state;
        this.ingest = ingest;
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

    /** Starts a rebuild into a new generation, held by this instance; a 409 while one is running (on any instance). */
    public synchronized Status start() {
        if (generations.building().isPresent()) {
            throw ProblemException.conflict("A rebuild is already running; wait until it has switched");
        }
        startWorker(state.begin(instance));
        return status();
    }

    public Status status() {
        RebuildState.Recent recent = state.recent();
        return new Status(generations.served(), generations.building().orElse(null), recent.recordsRead(),
                recent.target(), recent.generations());
    }

    /** True while a rebuild's thread is running in this instance. */
    public boolean running() {
        Thread current = worker;
        return current != null && current.isAlive();
    }

    /** Takes over a rebuild whose lease ran out: its holder died, or stopped and gave it back. */
    @Scheduled(every = "${taskforce.register.rebuild.takeover-check:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOverAbandoned() {
        if (running() || stopping) {
            return;
        }
        Optional<Integer> taken = state.takeOverAbandoned(instance);
        taken.ifPresent(generation -> {
            LOG.infof("Taking over the rebuild of generation %d, whose lease ran out", generation);
            startWorker(generation);
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        Thread current = worker;
        if (current != null) {
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void startWorker(int generation) {
        applied.set(0);
        stopping = false;
        worker = new Thread(() -> run(generation), "register-rebuild-" + generation);
        worker.setDaemon(true);
        worker.start();
    }

    private void run(int generation) {
        Map<String, String> contractTopics = Map.of(topicNames.of(Topics.MEMBERSHIP), Topics.MEMBERSHIP,
                topicNames.of(Topics.MEETINGS), Topics.MEETINGS, topicNames.of(Topics.GUIDANCE), Topics.GUIDANCE);
        try (KafkaConsumer<String, String> consumer = TopicReaders.open(bootstrapServers)) {
            List<TopicPartition> partitions = TopicReaders.partitions(consumer, contractTopics.keySet());
            consumer.assign(partitions);
            RebuildState.Progress progress = state.progress(generation);
            Map<TopicPartition, Long> end = progress.target().isEmpty()
                    ? consumer.endOffsets(partitions, Duration.ofSeconds(30)) : partitions(progress.target());
            for (TopicPartition partition : partitions) {
                Long position = progress.positions().get(partition.toString());
                if (position == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, position);
                }
            }
            applied.set(progress.recordsRead());
            LOG.infof("Rebuilding the register into generation %d up to %s, from %s", generation, end,
                    progress.positions().isEmpty() ? "the beginning" : progress.positions());
            checkpoint(generation, consumer, end);
            while (!caughtUp(consumer, end)) {
                if (stopping) {
                    release(generation);
                    return;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record, contractTopics.get(record.topic()), generation);
                }
                if (!checkpoint(generation, consumer, end)) {
                    LOG.warnf("The lease on the rebuild of generation %d was lost; another instance goes on", generation);
                    return;
                }
            }
            if (waitForRelease(generation)) {
                switchTo(generation);
            }
        } catch (RuntimeException e) {
            if (Failures.transientDatabase(e)) {
                LOG.warnf("The rebuild of generation %d stops while the database is away; it is taken over later",
                        generation);
                release(generation);
            } else {
                LOG.errorf(e, "The rebuild of generation %d failed", generation);
                state.fail(generation, "failed: " + e.getClass().getSimpleName());
            }
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

    /**
     * Records how far the rebuild has read (every record before these positions is applied) and renews the lease;
     * false when the lease is no longer this instance's.
     */
    private boolean checkpoint(int generation, KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        Map<String, Long> positions = new TreeMap<>();
        end.keySet().forEach(p -> positions.put(p.toString(), consumer.position(p, Duration.ofSeconds(30))));
        Map<String, Long> target = new TreeMap<>();
        end.forEach((p, offset) -> target.put(p.toString(), offset));
        return state.checkpoint(generation, instance, positions, target, applied.get());
    }

    /** Gives the lease back, so that another instance takes the rebuild over at its next look. */
    private void release(int generation) {
        state.release(generation, instance);
        LOG.infof("Rebuild of generation %d handed back (%d records read so far)", generation, applied.get());
    }

    /** The module tests' hold; the lease is renewed meanwhile. False if the lease was lost while held. */
    private boolean waitForRelease(int generation) {
        SwitchHold held = hold;
        if (held == null) {
            return true;
        }
        hold = null;
        held.caughtUp().countDown();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!held.release().await(1, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                if (!state.renew(generation, instance)) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(30)) >= e.getValue());
    }

    /** Serves the generation if it is still this instance's and has caught up; then deletes the old one's rows. */
    private void switchTo(int generation) {
        Integer previous = state.switchTo(generation, instance);
        if (previous == null) {
            return;
        }
        LOG.infof("Generation %d of the register is served now (%d records read); deleting generation %d",
                generation, applied.get(), previous);
        state.delete(previous);
    }

    private static Map<TopicPartition, Long> partitions(Map<String, Long> offsets) {
        Map<TopicPartition, Long> partitions = new HashMap<>();
        offsets.forEach((name, offset) -> {
            int dash = name.lastIndexOf('-');
            partitions.put(new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1))), offset);
        });
        return partitions;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "localhost" : host;
    }

    Optional<Thread> worker() {
        return Optional.ofNullable(worker);
    }
}
