package eu.taskforce.transparency.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Gauges of the verifiable log, read from the database every 15 s: its length ({@code taskforce.register.log.entries},
 * the last sequence), the entries appended since the last signed head ({@code taskforce.register.unsigned.entries}),
 * and the seconds since that head was signed ({@code taskforce.register.head.age}, computed when scraped so that it
 * keeps growing while signing is stalled; NaN before the first head). Head signing is stalled when entries wait and
 * the head is older than a few signing intervals (alert in deploy/prometheus/alerts.yml).
 */
@ApplicationScoped
public class RegisterMetrics {

    private static final Logger LOG = Logger.getLogger(RegisterMetrics.class);

    private final EntityManager entityManager;
    private volatile long entries;
    private volatile long unsigned;
    private volatile OffsetDateTime lastSignedAt;

    public RegisterMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("taskforce.register.log.entries", this, m -> m.entries)
                .description("Entries in the register's verifiable log (its last sequence)").register(registry);
        Gauge.builder("taskforce.register.unsigned.entries", this, m -> m.unsigned)
                .description("Log entries appended after the last signed head").register(registry);
        Gauge.builder("taskforce.register.head.age", this, RegisterMetrics::headAgeSeconds)
                .description("Seconds since the last signed head of the log (NaN: none yet)")
                .baseUnit("seconds").register(registry);
    }

    double headAgeSeconds() {
        OffsetDateTime signedAt = lastSignedAt;
        return signedAt == null ? Double.NaN
                : Duration.between(signedAt, OffsetDateTime.now(ZoneOffset.UTC)).toMillis() / 1000.0;
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Object[] row = (Object[]) entityManager.createNativeQuery("""
                                select (select coalesce(max(sequence), 0) from log_entry),
                                       (select coalesce(max(sequence), 0) from signed_head),
                                       (select max(signed_at) from signed_head)""").getSingleResult();
                entries = ((Number) row[0]).longValue();
                unsigned = Math.max(0, entries - ((Number) row[1]).longValue());
                lastSignedAt = row[2] == null ? null : toOffsetDateTime(row[2]);
            });
        } catch (RuntimeException e) {
            // the gauges keep their last values (the head's age keeps growing); the database may be restarting
            LOG.debugf("Register metrics not refreshed: %s", e.getClass().getSimpleName());
        }
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
