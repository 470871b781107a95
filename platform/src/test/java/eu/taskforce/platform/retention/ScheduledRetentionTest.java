package eu.taskforce.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The purge runs by itself every {@code taskforce.retention.interval} (off in the other module tests). */
@QuarkusTest
@TestProfile(ScheduledRetentionTest.EverySecond.class)
class ScheduledRetentionTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("taskforce.retention.interval", "1s", "taskforce.retention.delay", "0s");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void anExpiredIdempotencyKeyIsDeletedWithoutAsking() {
        String scope = "retention-scheduled " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into idempotency_key (scope, key, fingerprint, created_at) values (:scope, 'k', 'f', :at)""")
                .setParameter("scope", scope)
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).minusHours(1))
                .executeUpdate());

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from idempotency_key where scope = :scope")
                        .setParameter("scope", scope).getSingleResult()).longValue() == 0));
    }
}
