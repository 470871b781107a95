package eu.taskforce.transparency.event;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.SignatureWithdrawn;
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
        EventTypes.byType(event.type()).ifPresentOrElse(type -> apply(type, event),
                () -> LOG.debugf("Ignoring event type %s (unknown to this version)", event.type()));
    }

    private void apply(EventType<?> type, IncomingEvent event) {
        if (type == EventTypes.SIGNATORY_REGISTERED) {
            register.signatoryRegistered(event.data(SignatoryRegistered.class), event.time());
        } else if (type == EventTypes.SIGNATORY_UPDATED) {
            register.signatoryUpdated(event.data(SignatoryUpdated.class), event.time());
        } else if (type == EventTypes.SIGNATURE_WITHDRAWN) {
            register.signatureWithdrawn(event.data(SignatureWithdrawn.class), event.time());
        } else if (type == EventTypes.MEMBERSHIP_STARTED) {
            register.membershipStarted(event.data(MembershipStarted.class), event.time());
        } else if (type == EventTypes.MEMBERSHIP_ENDED) {
            register.membershipEnded(event.data(MembershipEnded.class), event.time());
        } else if (type == EventTypes.REPRESENTATIVE_APPOINTED || type == EventTypes.REPRESENTATIVE_UPDATED) {
            register.representativeProfile(event.data(RepresentativeProfile.class), event.time());
        } else if (type == EventTypes.REPRESENTATIVE_REMOVED) {
            register.representativeRemoved(event.data(RepresentativeRemoved.class));
        } else {
            LOG.debugf("Ignoring event type %s (not shown in the register yet)", type.type());
        }
    }
}
