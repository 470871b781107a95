package eu.taskforce.platform.outbox;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.platform.testing.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An event recorded in a transaction that rolls back is never published: the outbox row goes with the transaction.
 * Checked after a later event of the same aggregate (same key, so same partition and relayed after it) was published.
 */
@QuarkusTest
class OutboxRollbackTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void aRolledBackTransactionPublishesNoEvent() {
        UUID aggregate = UUID.randomUUID();
        AtomicReference<UUID> rolledBack = new AtomicReference<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.set(record(aggregate, "Rolled back"));
            throw new IllegalStateException("the change failed after its event was recorded");
        })).isInstanceOf(IllegalStateException.class);
        UUID committed = QuarkusTransaction.requiringNew().call(() -> record(aggregate, "Committed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> published(aggregate).contains(committed.toString()));
        assertThat(published(aggregate)).containsExactly(committed.toString());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where id = :id").setParameter("id", rolledBack.get())
                .getSingleResult()).longValue())).isZero();
    }

    UUID record(UUID aggregate, String name) {
        return outbox.add(EventTypes.MEMBERSHIP_STARTED, aggregate, new MembershipStarted(aggregate, UUID.randomUUID(),
                name, LocalDate.of(2025, 9, 1)));
    }

    /** The ids of the events on the topic about the aggregate, in order. */
    List<String> published(UUID aggregate) {
        return KafkaRecords.readAll(bootstrapServers, topicPrefix + Topics.MEMBERSHIP).stream()
                .filter(r -> aggregate.toString().equals(r.key()))
                .map(r -> KafkaRecords.header(r, CloudEvents.HEADER_ID)).toList();
    }
}
