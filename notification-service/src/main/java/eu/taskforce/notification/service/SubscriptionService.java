package eu.taskforce.notification.service;

import eu.taskforce.notification.config.WebhookConfig;
import eu.taskforce.notification.domain.DeliveryStatus;
import eu.taskforce.notification.domain.OwnerRole;
import eu.taskforce.notification.domain.SubscriptionStatus;
import eu.taskforce.notification.domain.WebhookDelivery;
import eu.taskforce.notification.domain.WebhookSubscription;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The owner's side of webhooks: subscribing, changing, rotating the secret, re-enabling, the delivery log. A caller
 * sees and changes only its own subscriptions (another's is a 404). The caller's standing is read from its token on
 * every call: a subscription whose types its owner may no longer read is disabled at once.
 */
@ApplicationScoped
public class SubscriptionService {

    static final String RECORD_TYPE = "WebhookSubscription";

    private final Access access;
    private final Standing standing;
    private final EndpointPolicy endpoints;
    private final WebhookConfig config;
    private final AuditTrail audit;
    private final Deliveries deliveries;

    public SubscriptionService(Access access, Standing standing, EndpointPolicy endpoints, WebhookConfig config,
                               AuditTrail audit, Deliveries deliveries) {
        this.access = access;
        this.standing = standing;
        this.endpoints = endpoints;
        this.config = config;
        this.audit = audit;
        this.deliveries = deliveries;
    }

    /** What a subscription is made or changed with. */
    public record Details(String url, List<String> eventTypes, String description) {
    }

    @Transactional
    public WebhookSubscription create(Details details) {
        OwnerRole role = access.ownerRole();
        if (WebhookSubscription.countOwnedBy(access.subject()) >= config.maxPerOwner()) {
            throw ProblemException.conflict("An account holds at most " + config.maxPerOwner()
                    + " webhook subscriptions: delete one first");
        }
        OffsetDateTime now = Timestamps.now();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerSubject = access.subject();
        subscription.ownerUsername = access.username();
        subscription.secret = Signatures.newSecret();
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.statusChangedAt = now;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        apply(subscription, role, details);
        subscription.persist();
        audit.record(access.actor(), "WEBHOOK_CREATED", RECORD_TYPE, subscription.id);
        return subscription;
    }

    @Transactional
    public Page<WebhookSubscription> list(OffsetDateTime updatedSince, String cursor, int limit) {
        WebhookSubscription.ownedBy(access.subject()).forEach(this::reconcile);
        return KeysetQuery.of(WebhookSubscription.class, "s", s -> s.id)
                .where("s.ownerSubject = :owner", "owner", access.subject())
                .byTime("createdAt", s -> s.createdAt)
                .changedSince(updatedSince, s -> s.updatedAt)
                .page(cursor, limit);
    }

    @Transactional
    public WebhookSubscription get(UUID id) {
        WebhookSubscription subscription = owned(id);
        reconcile(subscription);
        return subscription;
    }

    @Transactional
    public WebhookSubscription update(UUID id, String ifMatch, Details details) {
        WebhookSubscription subscription = owned(id);
        Versions.requireMatch(ifMatch, subscription.version);
        apply(subscription, access.ownerRole(), details);
        subscription.updatedAt = Timestamps.now();
        audit.record(access.actor(), "WEBHOOK_UPDATED", RECORD_TYPE, id);
        return subscription;
    }

    @Transactional
    public void delete(UUID id) {
        owned(id);
        deliveries.forget("id = :id", java.util.Map.of("id", id));
        audit.record(access.actor(), "WEBHOOK_DELETED", RECORD_TYPE, id);
    }

    /**
     * A new secret; the current one becomes the previous, which keeps signing beside it for the rotation overlap. A
     * rotation during an overlap ends the older secret at once.
     */
    @Transactional
    public WebhookSubscription rotateSecret(UUID id) {
        WebhookSubscription subscription = owned(id);
        OffsetDateTime now = Timestamps.now();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = now.plus(config.rotationOverlap());
        subscription.secret = Signatures.newSecret();
        subscription.updatedAt = now;
        audit.record(access.actor(), "WEBHOOK_SECRET_ROTATED", RECORD_TYPE, id);
        return subscription;
    }

    /**
     * Makes a FAILING or DISABLED subscription ACTIVE again, with the caller's standing of now (checked against its
     * types as on a change); new events are delivered from now on.
     */
    @Transactional
    public WebhookSubscription enable(UUID id) {
        WebhookSubscription subscription = owned(id);
        apply(subscription, access.ownerRole(), new Details(subscription.url, subscription.types(),
                subscription.description));
        if (subscription.status != SubscriptionStatus.ACTIVE) {
            subscription.status = SubscriptionStatus.ACTIVE;
            subscription.statusReason = null;
            subscription.statusChangedAt = Timestamps.now();
            subscription.updatedAt = subscription.statusChangedAt;
            audit.record(access.actor(), "WEBHOOK_ENABLED", RECORD_TYPE, id);
        }
        return subscription;
    }

    /** The delivery log of one's own subscription, newest first. */
    @Transactional
    public Page<WebhookDelivery> deliveries(UUID id, DeliveryStatus status, String cursor, int limit) {
        owned(id);
        return KeysetQuery.of(WebhookDelivery.class, "d", d -> d.id)
                .where("d.subscriptionId = :subscription", "subscription", id)
                .filter("d.status = :status", "status", status)
                .newestFirst("createdAt", d -> d.createdAt)
                .page(cursor, limit);
    }

    private WebhookSubscription owned(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(s -> s.ownerSubject.equals(access.subject()))
                .orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
    }

    /**
     * Checks the subscription's endpoint and types against the caller's standing, and records that standing: a type
     * must be known and classified (400) and one the caller may receive (403).
     */
    private void apply(WebhookSubscription subscription, OwnerRole role, Details details) {
        LinkedHashSet<String> types = new LinkedHashSet<>(details.eventTypes());
        for (String type : types) {
            Audience audience = EventAudiences.of(type).orElseThrow(() -> ProblemException.badRequest(
                    "eventTypes: " + type + " is not an event type (GET /api/v1/notifications/event-types lists them)"));
            if (!standing.maySubscribe(role, access.organisation().orElse(null), audience)) {
                throw ProblemException.forbidden("You may not receive " + type + " (" + audience + "): "
                        + whoReads(audience));
            }
        }
        subscription.url = endpoints.check(details.url()).toString();
        subscription.eventTypes = types.toArray(String[]::new);
        subscription.description = details.description();
        subscription.ownerRole = role;
        subscription.ownerOrganisation = access.organisation().orElse(null);
    }

    /**
     * Disables the caller's subscription when the caller's token no longer carries the standing it holds a member-only
     * type with (it left its organisation, or its role changed).
     */
    private void reconcile(WebhookSubscription subscription) {
        if (subscription.status == SubscriptionStatus.DISABLED) {
            return;
        }
        OwnerRole role;
        try {
            role = access.ownerRole();
        } catch (ProblemException e) {
            role = null;
        }
        boolean sameStanding = role == subscription.ownerRole
                && java.util.Objects.equals(access.organisation().orElse(null), subscription.ownerOrganisation);
        if (!sameStanding && subscription.types().stream().map(EventAudiences::of)
                .anyMatch(a -> a.orElse(Audience.PUBLIC) != Audience.PUBLIC)) {
            deliveries.disable(subscription, "Your account no longer has the standing this subscription was made with:"
                    + " re-enable it to subscribe with your standing of now");
        }
    }

    static String whoReads(Audience audience) {
        return switch (audience) {
            case PUBLIC -> "anyone signed in receives it";
            case MEMBERS -> "only representatives of current member organisations and the AI Office receive it";
            case ORGANISATION -> "only the organisation it concerns and the AI Office receive it";
        };
    }
}
