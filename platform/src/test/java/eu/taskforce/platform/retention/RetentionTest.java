package eu.taskforce.platform.retention;

import eu.taskforce.platform.testing.Purges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.platform.testing.Purges.MARGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's retention rules against rows planted just past their period and just within it: exactly the ones past
 * it are deleted or pseudonymised. Batches are 10 rows here (test application.properties), so a purge takes several.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void theRulesOfThePlatformRunInEveryService() {
        assertThat(retention.rules()).containsExactly("audit-subject", "idempotency-key", "outbox-published");
        assertThat(retention.period("idempotency-key")).isEqualTo(Duration.ofDays(1));
        assertThat(retention.period("outbox-published")).isEqualTo(Duration.ofDays(7));
        assertThat(retention.period("audit-subject")).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void exactlyWhatPassedItsPeriodIsPurged() {
        String scope = "retention-test " + UUID.randomUUID();
        plantKey(scope, "old", past("idempotency-key").minus(MARGIN));
        plantKey(scope, "young", past("idempotency-key").plus(MARGIN));

        UUID oldPublished = plantOutbox(past("outbox-published").minus(MARGIN), true);
        UUID youngPublished = plantOutbox(past("outbox-published").plus(MARGIN), true);
        // pending however old: the relay may publish it meanwhile, never the purge delete it
        UUID oldPending = plantOutbox(past("outbox-published").minus(Duration.ofDays(30)), false);

        UUID record = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        UUID oldEntry = plantAudit("subject-old", organisation, record, past("audit-subject").minus(MARGIN));
        UUID youngEntry = plantAudit("subject-young", organisation, record, past("audit-subject").plus(MARGIN));

        Map<String, Long> purged = retention.purgeNow();

        assertThat(purged).containsOnlyKeys("audit-subject", "idempotency-key", "outbox-published");
        assertThat(purged.values()).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(strings("select key from idempotency_key where scope = :p", scope)).containsExactly("young");
        assertThat(count("select count(*) from outbox_event where id = :p", oldPublished)).isZero();
        assertThat(count("select count(*) from outbox_event where id = :p", youngPublished)).isOne();
        assertThat(count("select count(*) from outbox_event where id = :p", oldPending)).isOne();
        // the entry stays, with its time, organisation, action and record; only who made the change is gone
        assertThat(strings("""
                select subject || ' ' || organisation || ' ' || action || ' ' || record_id || ' '
                    || (occurred_at < now() - interval '730 days') from audit_entry where id = :p""", oldEntry))
                .containsExactly("erased " + organisation + " RETENTION_TEST " + record + " true");
        assertThat(strings("select subject from audit_entry where id = :p", youngEntry)).containsExactly("subject-young");
    }

    @Test
    void twoPurgesAtOnceNeitherFailNorCountARowTwice() throws Exception {
        retention.purgeNow(); // what other tests left past its period
        int planted = 25; // two and a half batches per rule
        String scope = "retention-race " + UUID.randomUUID();
        List<UUID> outbox = new ArrayList<>();
        List<UUID> audit = new ArrayList<>();
        UUID record = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        for (int i = 0; i < planted; i++) {
            plantKey(scope, "key-" + i, past("idempotency-key").minus(MARGIN));
            outbox.add(plantOutbox(past("outbox-published").minus(MARGIN), true));
            audit.add(plantAudit("subject-" + i, organisation, record, past("audit-subject").minus(MARGIN)));
        }

        Map<String, Long> total = Purges.twoAtOnce(retention);

        assertThat(total).containsExactlyInAnyOrderEntriesOf(Map.of(
                "idempotency-key", (long) planted, "outbox-published", (long) planted, "audit-subject", (long) planted));
        assertThat(count("select count(*) from idempotency_key where scope = :p", scope)).isZero();
        assertThat(count("select count(*) from outbox_event where id in (:p)", outbox)).isZero();
        assertThat(count("select count(*) from audit_entry where id in (:p) and subject <> 'erased'", audit))
                .isZero();
    }

    OffsetDateTime past(String rule) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(retention.period(rule));
    }

    void plantKey(String scope, String key, OffsetDateTime createdAt) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into idempotency_key (scope, key, fingerprint, status, body, created_at)
                        values (:scope, :key, 'f', 201, '{"name":"a person"}', :at)""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("at", createdAt)
                .executeUpdate());
    }

    UUID plantOutbox(OffsetDateTime at, boolean published) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, type, subject, data_schema, payload, occurred_at, published_at)
                        values (:id, 'taskforce.retention-test.v1', 'eu.taskforce.test.retention.v1', :subject, 'test',
                                '{}', :at, %s)""".formatted(published ? ":at" : "null"))
                .setParameter("id", id).setParameter("subject", id.toString()).setParameter("at", at)
                .executeUpdate());
        return id;
    }

    UUID plantAudit(String subject, UUID organisation, UUID record, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into audit_entry (id, occurred_at, subject, organisation, action, record_type, record_id)
                        values (:id, :at, :subject, :organisation, 'RETENTION_TEST', 'Test', :record)""")
                .setParameter("id", id).setParameter("at", at).setParameter("subject", subject)
                .setParameter("organisation", organisation).setParameter("record", record)
                .executeUpdate());
        return id;
    }

    long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("p", parameter).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                .setParameter("p", parameter).getResultList());
    }
}
