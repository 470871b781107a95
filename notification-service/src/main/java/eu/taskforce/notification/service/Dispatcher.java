package eu.taskforce.notification.service;

import eu.taskforce.notification.config.WebhookConfig;
import eu.taskforce.notification.domain.OwnerRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the due deliveries, on every instance: each round claims a batch (SKIP LOCKED, with a lease; see
 * {@link Deliveries#claim}), checks each against what its owner may read now (skipped, and the subscription disabled,
 * when the owner's organisation is no longer a member), sends the rest side by side, and records each outcome: a 2xx
 * is DELIVERED; anything else is tried again after an exponential back-off with jitter, until the retry period from the
 * fan-out has passed, and then it is FAILED and its subscription FAILING. Rounds follow each other while batches come
 * back full.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Deliveries deliveries;
    private final Standing standing;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final MeterRegistry registry;
    private final ExecutorService senders;

    public Dispatcher(Deliveries deliveries, Standing standing, WebhookSender sender, WebhookConfig config,
                      MeterRegistry registry) {
        this.deliveries = deliveries;
        this.standing = standing;
        this.sender = sender;
        this.config = config;
        this.registry = registry;
        this.senders = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${taskforce.notification.webhooks.dispatch-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        while (round() == config.batchSize()) {
            LOG.debug("A full batch of webhook deliveries: another round at once");
        }
    }

    /** One round; the number of deliveries claimed. */
    int round() {
        List<Deliveries.Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claimReadable);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Deliveries.Claimed delivery : claimed) {
            if (delivery != null) {
                sent.add(CompletableFuture.runAsync(() -> sendAndRecord(delivery), senders));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return claimed.size();
    }

    /** Claims a batch; those their owner may no longer read are settled as SKIPPED at once (null in the list). */
    private List<Deliveries.Claimed> claimReadable() {
        List<Deliveries.Claimed> claimed = new ArrayList<>(deliveries.claim(config.batchSize(),
                config.claimLease().toSeconds()));
        for (int i = 0; i < claimed.size(); i++) {
            Deliveries.Claimed delivery = claimed.get(i);
            OwnerRole role = OwnerRole.valueOf(delivery.ownerRole());
            Audience audience = EventAudiences.of(delivery.eventType()).orElse(Audience.ORGANISATION);
            if (!standing.mayRead(role, delivery.ownerOrganisation(), audience,
                    Optional.ofNullable(delivery.organisationId()))) {
                deliveries.skipped(delivery.id(), "Not sent: the owner may no longer read this event");
                count("skipped");
                if (standing.lostMembership(role, delivery.ownerOrganisation())) {
                    deliveries.subscription(delivery.subscriptionId())
                            .ifPresent(s -> deliveries.disable(s, FanOut.MEMBERSHIP_ENDED));
                }
                claimed.set(i, null);
            }
        }
        return claimed;
    }

    private void sendAndRecord(Deliveries.Claimed delivery) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Timer.Sample sample = Timer.start(registry);
        WebhookSender.Outcome outcome = sender.send(delivery, now);
        sample.stop(registry.timer("taskforce.webhooks.attempts", "outcome", outcome.delivered() ? "2xx"
                : outcome.status() == null ? "no-answer" : "refused"));
        try {
            QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is claimed again: at least once, never lost
            LOG.warnf("Could not record the outcome of webhook delivery %s (%s); it is tried again after its lease",
                    delivery.id(), e.getClass().getSimpleName());
        }
    }

    private void record(Deliveries.Claimed delivery, WebhookSender.Outcome outcome) {
        if (outcome.delivered()) {
            deliveries.delivered(delivery.id(), outcome.status());
            count("delivered");
            return;
        }
        OffsetDateTime next = OffsetDateTime.now(ZoneOffset.UTC).plus(backoff(delivery.attempt()));
        if (next.isAfter(delivery.createdAt().plus(config.retryFor()))) {
            deliveries.failed(delivery.id(), delivery.subscriptionId(), outcome.status(), outcome.error());
            count("failed");
        } else {
            deliveries.retry(delivery.id(), outcome.status(), outcome.error(), next);
            count("retried");
        }
    }

    /** The wait after the {@code attempt}-th failure: doubling from the initial back-off, capped, half of it random. */
    Duration backoff(int attempt) {
        long initial = config.initialBackoff().toMillis();
        long capped = Math.min(config.maxBackoff().toMillis(),
                initial * (1L << Math.min(Math.max(attempt - 1, 0), 30)));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void count(String outcome) {
        registry.counter("taskforce.webhooks.deliveries", "outcome", outcome).increment();
    }
}
