package eu.taskforce.platform.outbox;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The relay publishes an event as soon as the transaction that recorded it commits, not at its next scheduled pass:
 * here the scheduled pass runs once an hour, so only the pass after the commit can publish within the test.
 */
@QuarkusTest
@TestProfile(OutboxRelayAfterCommitTest.HourlyScheduledPass.class)
class OutboxRelayAfterCommitTest {

    public static class HourlyScheduledPass implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("taskforce.outbox.interval", "1h");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void anEventIsPublishedWhenItsTransactionCommits() {
        // the first scheduled pass runs at start-up; the events below come after it, one commit each
        for (int i = 0; i < 3; i++) {
            UUID event = write();
            await().atMost(Duration.ofSeconds(30)).until(() -> isPublished(event));
        }
    }

    UUID write() {
        return QuarkusTransaction.requiringNew().call(this::record);
    }

    UUID record() {
        UUID aggregate = UUID.randomUUID();
        return outbox.add(EventTypes.MEMBERSHIP_STARTED, aggregate, new MembershipStarted(aggregate, UUID.randomUUID(),
                "After-commit test organisation", LocalDate.of(2025, 9, 1)));
    }

    boolean isPublished(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager.createNativeQuery(
                "select published_at is not null from outbox_event where id = :id").setParameter("id", event)
                .getSingleResult());
    }
}
