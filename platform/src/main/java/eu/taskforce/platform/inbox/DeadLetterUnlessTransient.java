package eu.taskforce.platform.inbox;

import eu.taskforce.platform.problem.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The failure strategy of every incoming channel ({@code failure-strategy=dead-letter-unless-transient}): a record that
 * cannot be applied (not a CloudEvent, data that does not fit its type) goes to the channel's dead-letter topic with
 * its reason, and the records after it go on; a transient database failure that outlasted
 * {@link ConsumerTransactions}' retries stops the channel (the connector's {@code fail} strategy) so that the record is
 * read again by the next process instead of being lost from the service's projection. So does any failure while the
 * application is not running (still starting, or stopping, e.g. a start that failed): its persistence may be gone
 * rather than the record be wrong, and a record dead-lettered then would be lost to the service for good.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessTransient.STRATEGY)
public class DeadLetterUnlessTransient implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-unless-transient";

    /** Records sent to a dead-letter topic, per channel and topic (alert: docs/operations.md). */
    public static final String DEAD_LETTERS_METRIC = "taskforce.consumer.dead.letters";

    private final KafkaFailureHandler.Factory deadLetter;
    private final KafkaFailureHandler.Factory stop;
    private final MeterRegistry registry;
    /** Between the application's start and the beginning of its shutdown. */
    private volatile boolean running;

    public DeadLetterUnlessTransient(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetter,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory stop, MeterRegistry registry) {
        this.deadLetter = deadLetter;
        this.stop = stop;
        this.registry = registry;
    }

    // before the messaging channels start, and before anything is closed at shutdown
    void started(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        running = true;
    }

    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        running = false;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        Counter deadLetters = Counter.builder(DEAD_LETTERS_METRIC)
                .description("Records this consumer could never process, sent to its dead-letter topic")
                .tag("channel", config.getChannel())
                .tag("topic", config.getTopic().orElse(config.getChannel()))
                .register(registry);
        return choosing(deadLetter.create(config, vertx, consumer, reportFailure),
                stop.create(config, vertx, consumer, reportFailure), deadLetters::increment, () -> running);
    }

    static KafkaFailureHandler choosing(KafkaFailureHandler deadLetter, KafkaFailureHandler stop, Runnable onDeadLetter,
                                        BooleanSupplier applicationRunning) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (Failures.transientDatabase(reason) || !applicationRunning.getAsBoolean()) {
                    return stop.handle(record, reason, metadata);
                }
                onDeadLetter.run();
                return deadLetter.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
                stop.terminate();
            }
        };
    }
}
