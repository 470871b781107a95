package eu.taskforce.notification.service;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.notification.domain.OwnerRole;
import eu.taskforce.notification.domain.WebhookSubscription;
import eu.taskforce.notification.event.ConsumedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fans each consumed event out to the subscriptions of its type, in the consumer's transaction: one PENDING delivery
 * per ACTIVE subscription whose owner may read the event now ({@link Standing}); the dispatcher sends them. A
 * subscription of a member organisation that is no longer a member is disabled instead. A representative's removal
 * (or erasure) disables first every subscription of that organisation that holds a type beyond PUBLIC: the service
 * cannot tell which account left (the events name no account), so the organisation's remaining representatives
 * re-enable theirs, which checks their standing again.
 */
@ApplicationScoped
public class FanOut {

    static final String MEMBERSHIP_ENDED = "Your organisation is no longer a member of the Taskforce: member-only events"
            + " are not sent any more";
    static final String REPRESENTATIVE_LEFT = "A representative of your organisation was removed: re-enable the"
            + " subscription to confirm that you still represent it";

    private final EntityManager entityManager;
    private final Deliveries deliveries;
    private final Standing standing;
    private final MeterRegistry registry;

    public FanOut(EntityManager entityManager, Deliveries deliveries, Standing standing, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.standing = standing;
        this.registry = registry;
    }

    void on(@Observes ConsumedEvent consumed) {
        Optional<EventType<?>> type = consumed.type();
        Optional<Audience> audience = type.flatMap(EventAudiences::of);
        if (audience.isEmpty()) {
            return; // a type this version does not know or has not classified: nobody receives it
        }
        Optional<UUID> concerned = EventAudiences.concernedOrganisation(consumed.event().data());
        if (type.get() == EventTypes.REPRESENTATIVE_REMOVED || type.get() == EventTypes.REPRESENTATIVE_ERASED) {
            concerned.ifPresent(this::representativeLeft);
        }
        String payload = null;
        int added = 0;
        for (WebhookSubscription subscription : subscribed(type.get().type())) {
            if (standing.mayRead(subscription.ownerRole, subscription.ownerOrganisation, audience.get(), concerned)) {
                payload = payload != null ? payload : consumed.cloudEventJson();
                deliveries.add(subscription.id, consumed.event().id(), type.get().type(), consumed.key(),
                        audience.get() == Audience.ORGANISATION ? concerned.orElse(null) : null, payload);
                added++;
            } else if (standing.lostMembership(subscription.ownerRole, subscription.ownerOrganisation)) {
                deliveries.disable(subscription, MEMBERSHIP_ENDED);
            }
        }
        registry.counter("taskforce.webhooks.fanned.out", "topic", consumed.topic()).increment(added);
    }

    @SuppressWarnings("unchecked")
    private List<WebhookSubscription> subscribed(String type) {
        return entityManager.createNativeQuery("""
                        select * from webhook_subscription
                        where status = 'ACTIVE' and event_types @> array[cast(:type as varchar)]
                        order by id""", WebhookSubscription.class)
                .setParameter("type", type)
                .getResultList();
    }

    private void representativeLeft(UUID organisation) {
        WebhookSubscription.<WebhookSubscription>list("ownerRole = ?1 and ownerOrganisation = ?2", OwnerRole.MEMBER,
                        organisation).stream()
                .filter(s -> s.types().stream().anyMatch(t -> EventAudiences.of(t).orElse(Audience.PUBLIC)
                        != Audience.PUBLIC))
                .forEach(s -> deliveries.disable(s, REPRESENTATIVE_LEFT));
    }
}
