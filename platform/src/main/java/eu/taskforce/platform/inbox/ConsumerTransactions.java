package eu.taskforce.platform.inbox;

import eu.taskforce.platform.problem.Failures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How every consumer applies a record: in a transaction of its own, done again with back-off while the failure is
 * transient ({@link Failures#transientDatabase}: PostgreSQL restarting or away, a serialization or deadlock conflict).
 * A record is never dead-lettered because the database was away: past {@link #RETRY_FOR} the failure strategy
 * {@link DeadLetterUnlessTransient} stops the channel instead, liveness goes DOWN, and the supervisor (or Kubernetes)
 * replaces the process, which reads again from the last committed offset. {@link #RETRY_FOR} stays below the Kafka
 * connector's limit on the age of an unprocessed record (60 s with the throttled commit strategy).
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

    /** Runs {@code work} in a new transaction, again while it fails transiently; any other failure is thrown at once. */
    public void inTransaction(Runnable work) {
        retry.get(() -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        }, Void.class);
    }
}
