package eu.taskforce.transparency.ingest;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.inbox.ConsumerTransactions;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * The live consumers of the topics the register is built from, each poll's records applied in one transaction
 * (batch=true in application.properties). Idempotent through the inbox; an event that cannot be applied goes to the
 * topic's dead-letter topic with its reason (failure-strategy in application.properties) and the others go on; a
 * transient database failure is tried again, never dead-lettered ({@link ConsumerTransactions#inOneTransaction}).
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
    public CompletionStage<Void> membership(KafkaRecordBatch<String, String> batch) {
        return transactions.inOneTransaction(batch, records -> ingest.live(records, Topics.MEMBERSHIP));
    }

    @Incoming("meeting-events")
    @Blocking
    public CompletionStage<Void> meetings(KafkaRecordBatch<String, String> batch) {
        return transactions.inOneTransaction(batch, records -> ingest.live(records, Topics.MEETINGS));
    }

    @Incoming("guidance-events")
    @Blocking
    public CompletionStage<Void> guidance(KafkaRecordBatch<String, String> batch) {
        return transactions.inOneTransaction(batch, records -> ingest.live(records, Topics.GUIDANCE));
    }
}
