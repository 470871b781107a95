package eu.taskforce.platform.retention;

import eu.taskforce.platform.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The retention purge: every {@code taskforce.retention.interval}, from {@code taskforce.retention.delay} after the
 * start (and on demand, {@link #purgeNow()}) it runs each
 * {@link RetentionRule} of the service, the platform's and the service's own, in batches of at most
 * {@code taskforce.retention.batch-size} rows, one transaction per batch.
 * <p>
 * Several instances may run: a batch takes the rule's transaction-scoped advisory lock first, and an instance that
 * finds it taken leaves the rule to the one holding it; within a batch the rows are selected {@code skip locked}, so
 * the purge never waits for a request. A row is counted by the batch that changed it, so no row is counted twice.
 * Logs and metrics carry counts only, never a value of a purged row.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String PREFIX = "taskforce.retention.";
    /** The first key of the two-key advisory locks of the purge (the second is the rule's): apart from the relay's. */
    private static final int LOCK_SPACE = 0x72657465;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Properties under the prefix that are not periods. */
    private static final Set<String> SETTINGS = Set.of("interval", "delay", "batch-size");

    private final EntityManager entityManager;
    private final List<RetentionRule> rules;
    private final Config config;
    private final MeterRegistry registry;
    private final int batchSize;

    public Retention(EntityManager entityManager, @All List<RetentionRule> rules, Config config, MeterRegistry registry,
                     @ConfigProperty(name = "taskforce.retention.batch-size") int batchSize) {
        this.entityManager = entityManager;
        this.rules = rules.stream().sorted(Comparator.comparing(RetentionRule::name)).toList();
        this.config = config;
        this.registry = registry;
        this.batchSize = batchSize;
    }

    /** A rule misnamed, named twice or without a period fails the start, not the first purge an hour later. */
    void check(@Observes StartupEvent event) {
        if (batchSize < 1) {
            throw new IllegalStateException("taskforce.retention.batch-size must be at least 1");
        }
        Set<String> names = new HashSet<>();
        for (RetentionRule rule : rules) {
            if (!NAME.matcher(rule.name()).matches() || SETTINGS.contains(rule.name())) {
                throw new IllegalStateException("Retention rule name " + rule.name()
                        + " is not lower-case words joined by dashes, or is a setting's name");
            }
            if (!names.add(rule.name())) {
                throw new IllegalStateException("Two retention rules are named " + rule.name());
            }
            period(rule);
        }
    }

    /** The names of the rules this service runs, in the order they run. */
    public List<String> rules() {
        return rules.stream().map(RetentionRule::name).toList();
    }

    /** The period of a rule, as configured. */
    public Duration period(String rule) {
        return period(rules.stream().filter(r -> r.name().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No retention rule " + rule)));
    }

    private Duration period(RetentionRule rule) {
        Duration period = config.getOptionalValue(PREFIX + rule.name(), Duration.class)
                .orElseThrow(() -> new IllegalStateException("Retention rule " + rule.name() + " has no period: set "
                        + PREFIX + rule.name() + " to an ISO-8601 duration such as P30D"));
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException(PREFIX + rule.name() + " must be a positive duration");
        }
        return period;
    }

    @Scheduled(every = "${taskforce.retention.interval}", delayed = "${taskforce.retention.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purgeNow();
        } catch (IllegalStateException e) {
            // each failed rule is logged; the next run tries it again
        }
    }

    /**
     * Runs every rule now. A rule that fails is logged and the others still run.
     *
     * @return per rule, how many rows this call deleted or cleared (0 for a rule another instance was purging)
     * @throws IllegalStateException once every rule has run, if any failed
     */
    public Map<String, Long> purgeNow() {
        Map<String, Long> purged = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (RetentionRule rule : rules) {
            try {
                purged.put(rule.name(), purge(rule));
            } catch (RuntimeException e) {
                // the cause's message may quote a row's value: its class and SQL state only
                LOG.errorf("Retention rule %s failed (%s); the next run tries again", rule.name(), cause(e));
                failed.add(rule.name());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Retention rules failed: " + failed);
        }
        return purged;
    }

    private long purge(RetentionRule rule) {
        Duration period = period(rule);
        OffsetDateTime cutoff = Timestamps.now().minus(period);
        long total = 0;
        Integer changed;
        do {
            changed = QuarkusTransaction.requiringNew().timeout(60).call(() -> batch(rule, cutoff));
            if (changed != null) {
                total += changed;
            }
        } while (changed != null && changed == batchSize);
        if (total > 0) {
            registry.counter("taskforce.retention.purged", "rule", rule.name()).increment(total);
            LOG.infof("Retention rule %s: %d row(s) past %s purged", rule.name(), total, iso(period));
        }
        return total;
    }

    /** One batch under the rule's advisory lock; null when another instance holds it (that one is purging the rule). */
    private Integer batch(RetentionRule rule, OffsetDateTime cutoff) {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:space, :rule)")
                .setParameter("space", LOCK_SPACE).setParameter("rule", rule.name().hashCode())
                .getSingleResult();
        if (!locked) {
            return null;
        }
        return entityManager.createNativeQuery(rule.batch())
                .setParameter("cutoff", cutoff)
                .setParameter("limit", batchSize)
                .executeUpdate();
    }

    /** P730D rather than Duration's PT17520H: as the period is configured. */
    private static String iso(Duration period) {
        return period.toSeconds() % 86_400 == 0 ? "P" + period.toDays() + "D" : period.toString();
    }

    private static String cause(Throwable e) {
        Throwable root = e;
        String state = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
            root = t;
        }
        return root.getClass().getSimpleName() + (state == null ? "" : ", SQL state " + state);
    }
}
