package eu.taskforce.meeting.event;

import eu.taskforce.platform.membership.MembershipReplica;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the membership replica (platform) from {@code taskforce.membership.v1}. Idempotent through the inbox; an event
 * that cannot be applied goes to the dead-letter topic {@code taskforce.membership.v1.dlq.meeting} with its reason, and
 * the ones after it go on. The channel is this service's own (consumer group, dead-letter topic).
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "meeting.membership";

    private final MembershipReplica replica;

    public MembershipEventsConsumer(MembershipReplica replica) {
        this.replica = replica;
    }

    @Incoming("membership-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        replica.consume(CONSUMER, record);
    }
}
