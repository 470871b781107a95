package eu.taskforce.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the connector's strategies a failed record meets: a record that cannot be applied is dead-lettered, a
 * database that stayed away stops the channel so that the record is read again. (The retries before it, and the whole
 * path on the real broker and database: transparency-service's ingest.RegisterEventsConsumerTest.)
 */
class DeadLetterUnlessTransientTest {

    private final List<String> handled = new ArrayList<>();
    private boolean running = true;
    private final KafkaFailureHandler handler = DeadLetterUnlessTransient.choosing(recording("dead-letter"),
            recording("stop"), () -> handled.add("counted"), () -> running);

    @Test
    void aRecordThatCannotBeAppliedIsDeadLettered() {
        handler.handle(null, new IllegalArgumentException("not a CloudEvent"), Metadata.empty());
        handler.handle(null, new RuntimeException(new SQLException("value too long", "22001")), Metadata.empty());
        // each dead letter is counted (taskforce.consumer.dead.letters) before it is sent
        assertThat(handled).containsExactly("counted", "dead-letter", "counted", "dead-letter");
    }

    @Test
    void aDatabaseThatStayedAwayStopsTheChannel() {
        handler.handle(null, new RuntimeException(new SQLException("connection refused", "08001")), Metadata.empty());
        handler.handle(null, new RuntimeException(new SQLException("terminating connection", "57P01")), Metadata.empty());
        assertThat(handled).containsExactly("stop", "stop");
    }

    @Test
    void anyFailureWhileTheApplicationIsNotRunningStopsTheChannel() {
        // a start that failed, or a shutdown: persistence may be gone, the record is not wrong; it is read again
        running = false;
        handler.handle(null, new IllegalStateException("Unable to find an EntityManagerFactory"), Metadata.empty());
        handler.handle(null, new IllegalArgumentException("not a CloudEvent"), Metadata.empty());
        assertThat(handled).containsExactly("stop", "stop");
    }

    private KafkaFailureHandler recording(String name) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                handled.add(name);
                return Uni.createFrom().voidItem();
            }
        };
    }
}
