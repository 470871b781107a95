package eu.taskforce.transparency.disclosure;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.transparency.config.RegisterConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Resolves the commitments that profile events carried into their openings, asking membership-service. A pass runs
 * right after a consumer's transaction that queued commitments commits (on the resolver's own thread) and every
 * {@code taskforce.register.disclosures.interval} as the safety net. Several instances share the work: each claims due
 * rows with {@code FOR UPDATE SKIP LOCKED} for a lease. While membership-service is away a commitment is tried again
 * with a doubling back-off and the register keeps serving (the value shows as PENDING until then).
 *
 * <p>Log lines name the commitment at most, never a value or a token.
 */
@ApplicationScoped
public class DisclosureResolver {

    private static final Logger LOG = Logger.getLogger(DisclosureResolver.class);
    static final int BATCH = 50;
    /** Longer than a batch of calls can take: the claim of an instance that stopped becomes due again after it. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final Disclosures disclosures;
    private final MembershipDisclosures membership;
    private final RegisterConfig config;

    private final ExecutorService afterCommitPasses = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "disclosure-resolver");
        thread.setDaemon(true);
        return thread;
    });
    /** A pass after a commit is queued and has not started: commits in the meantime need no pass of their own. */
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile boolean stopped;

    public DisclosureResolver(Disclosures disclosures, @RestClient MembershipDisclosures membership,
                              RegisterConfig config) {
        this.disclosures = disclosures;
        this.membership = membership;
        this.config = config;
    }

    /** Queues a pass once a transaction that queued commitments commits; never blocks the committing consumer. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disclosures.Queued queued) {
        if (passQueued.compareAndSet(false, true)) {
            try {
                afterCommitPasses.execute(() -> {
                    passQueued.set(false);
                    resolvePending();
                });
            } catch (RejectedExecutionException e) {
                passQueued.set(false); // stopping: the rows wait for the next start
            }
        }
    }

    @Scheduled(every = "${taskforce.register.disclosures.interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void resolveScheduled() {
        resolvePending();
    }

    /** Resolves every due commitment, one pass at a time in this instance. */
    public synchronized void resolvePending() {
        try {
            List<Disclosures.Pending> batch;
            do {
                if (stopped) {
                    return;
                }
                batch = disclosures.claim(BATCH, LEASE);
                resolveClaimed(batch);
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Disclosure resolver pass failed (%s); the next pass tries again", e.getClass().getSimpleName());
        }
    }

    /**
     * Resolves a claimed batch, one after the other. A pass that stops (the application shutting down) or fails gives
     * back at once the commitments it has not tried yet, rather than leaving them claimed for the whole lease: names
     * would otherwise show as PENDING for ten minutes after a restart. One whose attempt failed keeps its claim, so
     * that a commitment that always fails is not tried again at every pass.
     */
    private void resolveClaimed(List<Disclosures.Pending> batch) {
        int next = 0;
        try {
            while (next < batch.size() && !stopped) {
                Disclosures.Pending pending = batch.get(next++);
                resolve(pending);
            }
        } finally {
            if (next < batch.size()) {
                disclosures.release(batch.subList(next, batch.size()));
            }
        }
    }

    private void resolve(Disclosures.Pending pending) {
        Opening opening;
        try {
            opening = membership.opening(pending.commitment());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                // not disclosed (any more): the value stays withheld; a withdrawal event, if any, says why
                disclosures.absent(pending);
                return;
            }
            later(pending, "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().getStatus()));
            return;
        } catch (RuntimeException e) {
            later(pending, e.getClass().getSimpleName());
            return;
        }
        try {
            if (!matches(pending, opening)) {
                LOG.warnf("membership-service served an opening that is not the one of %s: dropped",
                        pending.commitment());
                disclosures.absent(pending);
            } else if (!disclosures.store(pending, opening)) {
                LOG.debugf("Commitment %s was withdrawn while it was being resolved: its opening is dropped",
                        pending.commitment());
            }
        } catch (RuntimeException e) {
            // the store's transaction was rolled back (a deadlock, the database restarting): again after the back-off,
            // not at the claim's end ten minutes later
            later(pending, e.getClass().getSimpleName());
        }
    }

    /** The opening is the one committed to: same hash, same person, same field, within the columns' bounds. */
    static boolean matches(Disclosures.Pending pending, Opening opening) {
        return opening != null && opening.field() != null && opening.ref() != null && opening.salt() != null
                && opening.value() != null && opening.value().length() <= 1000 && opening.salt().length() <= 100
                && opening.field().equals(pending.field()) && opening.ref().equals(pending.ref())
                && opening.commitment().equals(pending.commitment());
    }

    private void later(Disclosures.Pending pending, String why) {
        Duration max = config.disclosures().maxBackoff();
        long seconds = Math.min(max.toSeconds(), 1L << Math.min(20, Math.max(0, pending.attempts() - 1)));
        LOG.warnf("Cannot resolve %s yet (%s, attempt %d); next attempt in %ds", pending.commitment(), why,
                pending.attempts(), seconds);
        disclosures.retryLater(pending, Duration.ofSeconds(seconds));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        afterCommitPasses.shutdown();
    }
}
