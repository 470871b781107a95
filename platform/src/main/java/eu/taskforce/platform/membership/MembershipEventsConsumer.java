package eu.taskforce.platform.membership;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps a service's membership replica from {@code taskforce.membership.v1}: the channel {@code membership-events},
 * whose consumer group and dead-letter topic the service configures (and {@code batch=true}), handing each poll to
 * {@link MembershipReplica} (idempotent through the inbox under {@code taskforce.membership.replica.consumer}, such as
 * {@code meeting.membership}).
 * <p>
 * A bean only where {@code taskforce.membership.replica.enabled=true} at build time (meeting-service, guidance-service):
 * elsewhere its {@code @Incoming} would be wired to Kafka by default, or clash with a service's own consumer of the
 * same channel (transparency-service's register).
 */
@ApplicationScoped
@IfBuildProperty(name = "taskforce.membership.replica.enabled", stringValue = "true")
public class MembershipEventsConsumer {

    private final MembershipReplica replica;
    private final String consumer;

    public MembershipEventsConsumer(MembershipReplica replica,
                                    @ConfigProperty(name = "taskforce.membership.replica.consumer") String consumer) {
        this.replica = replica;
        this.consumer = consumer;
    }

    @Incoming("membership-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return replica.consume(consumer, batch);
    }
}
