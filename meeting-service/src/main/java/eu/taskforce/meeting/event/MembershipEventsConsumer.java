package eu.taskforce.meeting.event;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.meeting.service.MembershipReplica;
import eu.taskforce.platform.inbox.Inbox;
import eu.taskforce.platform.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the membership replica from {@code taskforce.membership.v1}. Idempotent through the inbox (the event id is
 * recorded in the transaction that applies it); an event that cannot be applied goes to the dead-letter topic
 * {@code taskforce.membership.v1.dlq.meeting} with its reason, and the ones after it go on.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "meeting.membership";
    private static final Logger LOG = Logger.getLogger(MembershipEventsConsumer.class);

    private final Inbox inbox;
    private final MembershipReplica replica;

    public MembershipEventsConsumer(Inbox inbox, MembershipReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
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
            replica.signatoryRegistered(event.data(SignatoryRegistered.class));
        } else if (type == EventTypes.SIGNATORY_UPDATED) {
            replica.signatoryUpdated(event.data(SignatoryUpdated.class));
        } else if (type == EventTypes.MEMBERSHIP_STARTED) {
            replica.membershipStarted(event.data(MembershipStarted.class));
        } else if (type == EventTypes.MEMBERSHIP_ENDED) {
            replica.membershipEnded(event.data(MembershipEnded.class));
        } else if (type == EventTypes.REPRESENTATIVE_APPOINTED || type == EventTypes.REPRESENTATIVE_UPDATED) {
            replica.representativeProfile(event.data(RepresentativeProfile.class));
        } else if (type == EventTypes.REPRESENTATIVE_REMOVED) {
            replica.representativeRemoved(event.data(RepresentativeRemoved.class));
        } else {
            LOG.debugf("Ignoring event type %s (not needed by meetings)", type.type());
        }
    }
}
