package eu.taskforce.notification.event;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.inbox.ConsumerTransactions;
import eu.taskforce.platform.inbox.Inbox;
import eu.taskforce.platform.inbox.IncomingEvent;
import eu.taskforce.platform.membership.MembershipReplica;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * The consumers of the three topics (consumer group {@code notification-service}): each record once (the platform's
 * inbox), in a transaction of its own that is tried again while the database fails transiently; a record that can
 * never be processed goes to {@code <topic>.dlq.notification} (failure-strategy in application.properties). Every
 * event is handed to the rest of the service as a {@link ConsumedEvent} in that transaction. The membership topic also
 * keeps the platform's membership replica, in the same transaction and before the event is handed on, so that an
 * observer sees who is a member after the event; its records are applied a poll at a time, in one transaction
 * ({@code batch=true}).
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    /** The inbox consumer names, one per topic. */
    public static final String MEMBERSHIP_CONSUMER = "notification.membership";
    public static final String MEETINGS_CONSUMER = "notification.meetings";
    public static final String GUIDANCE_CONSUMER = "notification.guidance";

    private static final Logger LOG = Logger.getLogger(NotificationEventsConsumer.class);

    private final MembershipReplica replica;
    private final ConsumerTransactions transactions;
    private final Inbox inbox;
    private final Event<ConsumedEvent> consumed;

    public NotificationEventsConsumer(MembershipReplica replica, ConsumerTransactions transactions, Inbox inbox,
                                      Event<ConsumedEvent> consumed) {
        this.replica = replica;
        this.transactions = transactions;
        this.inbox = inbox;
        this.consumed = consumed;
    }

    @Incoming("membership-events")
    @Blocking
    public CompletionStage<Void> membership(KafkaRecordBatch<String, String> batch) {
        return replica.consume(MEMBERSHIP_CONSUMER, batch,
                (record, event) -> consumed.fire(ConsumedEvent.of(Topics.MEMBERSHIP, record, event)));
    }

    @Incoming("meeting-events")
    @Blocking
    public void meetings(ConsumerRecord<String, String> record) {
        transactions.inTransaction(record, () -> handOn(MEETINGS_CONSUMER, Topics.MEETINGS, record));
    }

    @Incoming("guidance-events")
    @Blocking
    public void guidance(ConsumerRecord<String, String> record) {
        transactions.inTransaction(record, () -> handOn(GUIDANCE_CONSUMER, Topics.GUIDANCE, record));
    }

    private void handOn(String consumer, String topic, ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery(consumer, event.id())) {
            LOG.debugf("Event %s already handled", event.id());
            return;
        }
        consumed.fire(ConsumedEvent.of(topic, record, event));
    }
}
