package eu.taskforce.transparency.ingest;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.inbox.ConsumerTransactions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live consumers of the topics the register is built from. Idempotent through the inbox; an event that cannot be
 * applied goes to the topic's dead-letter topic with its reason (failure-strategy in application.properties) and the
 * ones after it go on; a transient database failure is tried again, never dead-lettered ({@link ConsumerTransactions}).
 */
@ApplicationScoped
public class RegisterEventsConsumer {

    private final Ingest ingest;
    private final ConsumerTransactions transactions;

    public RegisterEventsConsumer(Ingest ingest, ConsumerTransactions transactions) {
        this.ingest = ingest;
        this.transactions = transactions;
    }

    @Incoming("membership-events")
    @Blocking
    public void membership(ConsumerRecord<String, String> record) {
        transactions.inTransaction(record, () -> ingest.live(record, Topics.MEMBERSHIP));
    }

    @Incoming("meeting-events")
    @Blocking
    public void meetings(ConsumerRecord<String, String> record) {
        transactions.inTransaction(record, () -> ingest.live(record, Topics.MEETINGS));
    }

    @Incoming("guidance-events")
    @Blocking
    public void guidance(ConsumerRecord<String, String> record) {
        transactions.inTransaction(record, () -> ingest.live(record, Topics.GUIDANCE));
    }
}
