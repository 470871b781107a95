package eu.taskforce.transparency.event;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.platform.inbox.Inbox;
import eu.taskforce.platform.inbox.IncomingEvent;
import eu.taskforce.transparency.service.RegisterService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the membership events to the register. Idempotent through the inbox; an event that cannot be applied
 * goes to the dead-letter topic (failure-strategy in application.properties) and the ones after it go on.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "transparency.membership";
    private static final Logger LOG = Logger.getLogger(MembershipEventsConsumer.class);

    private final Inbox inbox;
    private final RegisterService register;

    public MembershipEventsConsumer(Inbox inbox, RegisterService register) {
        this.inbox = inbox;
        this.register = register;
    }

    @Incoming("membership-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("Event %s already applied", event.id());
            return;
        }
        String type = event.type();
        if (type.equals(EventTypes.SIGNATORY_REGISTERED.type())) {
            register.signatoryRegistered(event.data(SignatoryRegistered.class), event.time());
        } else if (type.equals(EventTypes.MEMBERSHIP_STARTED.type())) {
            register.membershipStarted(event.data(MembershipStarted.class), event.time());
        } else if (type.equals(EventTypes.MEMBERSHIP_ENDED.type())) {
            register.membershipEnded(event.data(MembershipEnded.class), event.time());
        } else {
            LOG.debugf("Ignoring event type %s (not shown in the register)", type);
        }
    }
}
