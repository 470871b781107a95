package eu.taskforce.notification.service;

import eu.taskforce.notification.domain.SubscriptionStatus;
import eu.taskforce.notification.domain.WebhookSubscription;
import eu.taskforce.notification.event.WebhookFailing;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery rows: made by the fan-out, claimed and settled by the dispatcher. Every method joins the caller's
 * transaction. Locks are taken in one order, a subscription's delivery rows before the subscription's row (here, and
 * in {@link #forget} for a subscription's deletion), so that the dispatcher, the fan-out and the owner never deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** A claimed delivery with what sending it needs. */
    public record Claimed(UUID id, UUID subscriptionId, String eventId, String eventType, UUID organisationId,
                          String payload, int attempt, OffsetDateTime createdAt, String url, String secret,
                          String previousSecret, OffsetDateTime previousSecretUntil, String ownerRole,
                          UUID ownerOrganisation) {
    }

    private final EntityManager entityManager;
    private final Event<WebhookFailing> failing;

    public Deliveries(EntityManager entityManager, Event<WebhookFailing> failing) {
        this.entityManager = entityManager;
        this.failing = failing;
    }

    /** One PENDING delivery of the event to the subscription, due now (none when it already has one). */
    public void add(UUID subscriptionId, String eventId, String eventType, String key, UUID organisation,
                    String payload) {
        entityManager.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, event_key,
                            organisation_id, payload, status, attempts, next_attempt_at, created_at)
                        values (:id, :subscription, :event, :type, :key, cast(:organisation as uuid), :payload, 'PENDING', 0, now(),
                            now())
                        on conflict (subscription_id, event_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("subscription", subscriptionId)
                .setParameter("event", eventId)
                .setParameter("type", eventType)
                .setParameter("key", key)
                .setParameter("organisation", organisation)
                .setParameter("payload", payload)
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries of ACTIVE subscriptions for {@code leaseSeconds}, safe with several
     * instances ({@code FOR UPDATE SKIP LOCKED}): a delivery is due when its time has come and no earlier delivery of
     * the same Kafka key to the same subscription is still PENDING (so the events of one aggregate arrive in order).
     * The attempt is counted at the claim.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int limit, long leaseSeconds) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with due as (
                            select d.id from webhook_delivery d
                            where d.status = 'PENDING' and d.next_attempt_at <= now()
                              and exists (select 1 from webhook_subscription s
                                          where s.id = d.subscription_id and s.status = 'ACTIVE')
                              and not exists (select 1 from webhook_delivery e
                                              where e.subscription_id = d.subscription_id and e.event_key = d.event_key
                                                and e.status = 'PENDING' and e.seq < d.seq)
                            order by d.next_attempt_at, d.seq
                            limit :limit
                            for update of d skip locked)
                        update webhook_delivery d
                        set next_attempt_at = now() + make_interval(secs => :lease), attempts = d.attempts + 1,
                            last_attempt_at = now()
                        from due, webhook_subscription s
                        where d.id = due.id and s.id = d.subscription_id
                        returning d.id, d.subscription_id, d.event_id, d.event_type, d.organisation_id, d.payload,
                            d.attempts, d.created_at, s.url, s.secret, s.previous_secret, s.previous_secret_until,
                            s.owner_role, s.owner_organisation""")
                .setParameter("limit", limit)
                .setParameter("lease", (double) leaseSeconds)
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                (String) r[5], ((Number) r[6]).intValue(), utc(r[7]), (String) r[8], (String) r[9], (String) r[10],
                r[11] == null ? null : utc(r[11]), (String) r[12], (UUID) r[13])).toList();
    }

    public void delivered(UUID id, int statusCode) {
        settle(id, "DELIVERED", statusCode, null, null);
    }

    /** A failed attempt, to be tried again at {@code next}. */
    public void retry(UUID id, Integer statusCode, String error, OffsetDateTime next) {
        settle(id, "PENDING", statusCode, error, next);
    }

    /** Not sent: its owner may no longer read it. */
    public void skipped(UUID id, String reason) {
        settle(id, "SKIPPED", null, reason, null);
    }

    /**
     * The last attempt of the retry period failed: the delivery is FAILED, and its subscription FAILING (with the
     * other PENDING deliveries FAILED too: nothing more is sent until the owner re-enables it), and its owner is told.
     */
    public void failed(UUID id, UUID subscriptionId, Integer statusCode, String error) {
        settle(id, "FAILED", statusCode, error, null);
        WebhookSubscription subscription = WebhookSubscription.findById(subscriptionId);
        if (subscription == null || subscription.status != SubscriptionStatus.ACTIVE) {
            return;
        }
        String reason = "A delivery failed for the whole retry period; last error: " + error;
        endPending(subscriptionId, "FAILED", "The subscription is failing");
        setStatus(subscription, SubscriptionStatus.FAILING, reason);
        LOG.infof("Webhook subscription %s is FAILING: its delivery %s failed for the whole retry period",
                subscriptionId, id);
        failing.fire(new WebhookFailing(subscription.id, subscription.ownerSubject, subscription.ownerUsername,
                subscription.url, reason, subscription.statusChangedAt));
    }

    /** Disables a subscription whose owner may no longer read what it subscribed to; its pending deliveries are skipped. */
    public void disable(WebhookSubscription subscription, String reason) {
        if (subscription.status == SubscriptionStatus.DISABLED) {
            return;
        }
        endPending(subscription.id, "SKIPPED", reason);
        setStatus(subscription, SubscriptionStatus.DISABLED, reason);
        LOG.infof("Webhook subscription %s is DISABLED: its owner may no longer read what it subscribed to",
                subscription.id);
    }

    /** Deletes subscriptions matching {@code condition} (SQL over {@code webhook_subscription}), their deliveries first. */
    public int forget(String condition, java.util.Map<String, Object> parameters) {
        var deliveries = entityManager.createNativeQuery("delete from webhook_delivery where subscription_id in"
                + " (select id from webhook_subscription where " + condition + ")");
        var subscriptions = entityManager.createNativeQuery("delete from webhook_subscription where " + condition);
        parameters.forEach((name, value) -> {
            deliveries.setParameter(name, value);
            subscriptions.setParameter(name, value);
        });
        deliveries.executeUpdate();
        return subscriptions.executeUpdate();
    }

    public Optional<WebhookSubscription> subscription(UUID id) {
        return WebhookSubscription.findByIdOptional(id);
    }

    private void setStatus(WebhookSubscription subscription, SubscriptionStatus status, String reason) {
        subscription.status = status;
        subscription.statusReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        subscription.statusChangedAt = Timestamps.now();
        subscription.updatedAt = subscription.statusChangedAt;
        entityManager.flush();
    }

    private void endPending(UUID subscriptionId, String status, String reason) {
        entityManager.createNativeQuery("""
                        update webhook_delivery set status = :status, last_error = :reason, next_attempt_at = null,
                            finished_at = now()
                        where subscription_id = :subscription and status = 'PENDING'""")
                .setParameter("status", status).setParameter("reason", reason)
                .setParameter("subscription", subscriptionId).executeUpdate();
    }

    private void settle(UUID id, String status, Integer statusCode, String error, OffsetDateTime next) {
        entityManager.createNativeQuery("""
                        update webhook_delivery set status = :status, last_status_code = cast(:code as integer),
                            last_error = cast(:error as varchar), next_attempt_at = cast(:next as timestamptz),
                            finished_at = case when :status = 'PENDING' then null else now() end
                        where id = :id and status = 'PENDING'""")
                .setParameter("status", status).setParameter("code", statusCode)
                .setParameter("error", error == null || error.length() <= 500 ? error : error.substring(0, 500))
                .setParameter("next", next).setParameter("id", id).executeUpdate();
    }

    private static OffsetDateTime utc(Object value) {
        return eu.taskforce.platform.personaldata.PersonalData.utc(value);
    }
}
