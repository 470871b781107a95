package eu.taskforce.transparency.event;

import eu.taskforce.contracts.Topics;
import eu.taskforce.transparency.service.Ingest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live consumers of the topics the register is built from. Idempotent through the inbox; an event that cannot be
 * applied goes to the topic's dead-letter topic with its reason (failure-strategy in application.properties) and the
 * ones after it go on.
 */
@ApplicationScoped
public class RegisterEventsConsumer {

    private final Ingest ingest;

    public RegisterEventsConsumer(Ingest ingest) {
        this.ingest = ingest;
    }

    @Incoming("membership-events")
    @Blocking
    @Transactional
    public void membership(ConsumerRecord<String, String> record) {
        ingest.live(record, Topics.MEMBERSHIP);
    }

    @Incoming("meeting-events")
    @Blocking
    @Transactional
    public void meetings(ConsumerRecord<String, String> record) {
        ingest.live(record, Topics.MEETINGS);
    }

    @Incoming("guidance-events")
    @Blocking
    @Transactional
    public void guidance(ConsumerRecord<String, String> record) {
        ingest.live(record, Topics.GUIDANCE);
    }
}
