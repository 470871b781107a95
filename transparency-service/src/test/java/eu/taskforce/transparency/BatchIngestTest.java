package eu.taskforce.transparency;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.testing.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live consumers apply each poll of records in one transaction (RegisterEventsConsumer, platform's
 * ConsumerTransactions.inOneTransaction). The test holds the log's lock while it sends, so that the events wait on
 * the topic and the consumer meets them as one poll: applied in one transaction (their log entries share the
 * transaction's time), each once, a redelivery within the batch a no-op, a record that cannot be applied dead-lettered
 * alone while the rest of its batch is applied, the rows of the aggregates a batch changes replaced (in set-based
 * statements) and no others, and the log a chain that the shipped verifier accepts.
 */
@QuarkusTest
class BatchIngestTest {

    static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void eventsThatWaitedOnTheTopicAreAppliedInOneTransactionEachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        try (RegisterEvents events = RegisterEvents.toContractTopics()) {
            whileTheLogIsLocked(events, () -> {
                for (int i = 0; i < 200; i++) {
                    ids.add(sendSignatory(events, UUID.randomUUID()));
                }
                // a redelivery within the batch, with other content: applied again, it would show
                events.send(events.event(ids.get(5), EventTypes.SIGNATORY_REGISTERED, UUID.randomUUID(),
                        signatory(UUID.randomUUID()), RegisterEvents.at(0)));
            });
        }

        Map<String, List<String>> entries = awaitLogged(ids);
        assertThat(entries).allSatisfy((id, times) -> assertThat(times).as("entries of event " + id).hasSize(1));
        // the first event may have been read alone before the lock; the others waited and came in few polls
        long transactions = entries.values().stream().map(times -> times.get(0)).distinct().count();
        assertThat(transactions).as("transactions that appended the 200 entries").isLessThanOrEqualTo(10);
        VerifiableLogTest.assertTheLogVerifies();
    }

    @Test
    void aRecordThatCannotBeAppliedIsDeadLetteredAloneAndTheRestOfItsBatchIsApplied() throws Exception {
        UUID poisoned = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        String deadLetters;
        try (RegisterEvents events = RegisterEvents.toContractTopics()) {
            deadLetters = events.prefix() + Topics.MEMBERSHIP + ".dlq.transparency";
            whileTheLogIsLocked(events, () -> {
                for (int i = 0; i < 20; i++) {
                    ids.add(sendSignatory(events, UUID.randomUUID()));
                    if (i == 10) {
                        // a commitment that is not one: refused when its disclosures are applied, after its log entry
                        UUID representative = UUID.randomUUID();
                        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, poisoned,
                                new RepresentativeProfile(poisoned, representative, RepresentativeRole.PRINCIPAL,
                                        new PersonalField("Jeanne Martin", representative)), RegisterEvents.at(0));
                    }
                }
            });
        }

        Map<String, List<String>> entries = awaitLogged(ids);
        assertThat(entries).allSatisfy((id, times) -> assertThat(times).as("entries of event " + id).hasSize(1));
        await().atMost(APPLIED_WITHIN).until(() -> KafkaRecords.readAll(bootstrapServers, deadLetters).stream()
                .anyMatch(r -> poisoned.toString().equals(r.key())));
        assertThat(KafkaRecords.readAll(bootstrapServers, deadLetters).stream()
                .filter(r -> poisoned.toString().equals(r.key())))
                .singleElement()
                .satisfies(r -> assertThat(KafkaRecords.header(r, "dead-letter-reason")).contains("sha256:"));
        assertThat(logged(List.of(poisoned.toString()), "subject")).isEmpty();
        VerifiableLogTest.assertTheLogVerifies();
    }

    @Test
    void aBatchReplacesTheRowsOfTheAggregatesItChangesAndNoOthers() throws Exception {
        List<UUID> organisations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            organisations.add(UUID.randomUUID());
        }
        UUID untouched = UUID.randomUUID();
        Map<UUID, UUID> firstPeriods = new HashMap<>();
        Map<UUID, UUID> secondPeriods = new HashMap<>();
        List<String> ids = new ArrayList<>();
        try (RegisterEvents events = RegisterEvents.toContractTopics()) {
            // first batch: each organisation registered with a membership period; one more organisation alone
            whileTheLogIsLocked(events, () -> {
                ids.add(sendSignatory(events, untouched));
                for (UUID organisation : organisations) {
                    ids.add(send(events, EventTypes.SIGNATORY_REGISTERED, organisation, signatory(organisation), 6));
                    firstPeriods.put(organisation, UUID.randomUUID());
                    ids.add(send(events, EventTypes.MEMBERSHIP_STARTED, organisation, new MembershipStarted(organisation,
                            firstPeriods.get(organisation), null, LocalDate.of(2025, 9, 1)), 5));
                }
            });
            awaitLogged(ids);
            // second batch: renamed, the first period ended and a second one started, several events per aggregate
            whileTheLogIsLocked(events, () -> {
                for (UUID organisation : organisations) {
                    ids.add(send(events, EventTypes.SIGNATORY_UPDATED, organisation, new SignatoryUpdated(organisation,
                            "Renamed AI " + organisation, "DE", null, Set.of(Chapter.SAFETY_AND_SECURITY),
                            LocalDate.of(2025, 8, 1), null), 4));
                    ids.add(send(events, EventTypes.MEMBERSHIP_ENDED, organisation, new MembershipEnded(organisation,
                            firstPeriods.get(organisation), LocalDate.of(2026, 1, 31), MembershipEnded.Reason.LEFT), 3));
                    secondPeriods.put(organisation, UUID.randomUUID());
                    ids.add(send(events, EventTypes.MEMBERSHIP_STARTED, organisation, new MembershipStarted(organisation,
                            secondPeriods.get(organisation), null, LocalDate.of(2026, 6, 1)), 2));
                }
            });
        }

        awaitLogged(ids);
        int served = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select generation from register_generation where status = 'SERVING'").getSingleResult()).intValue());
        for (UUID organisation : organisations) {
            assertThat(rows("select name || ' ' || country || ' ' || chapters from organisation"
                    + " where generation = :g and id = :id", served, organisation))
                    .containsExactly("Renamed AI " + organisation + " DE SAFETY_AND_SECURITY");
            assertThat(rows("select id || ' ' || joined_on || ' ' || coalesce(left_on::text, '-') from membership_period"
                    + " where generation = :g and organisation_id = :id order by joined_on", served, organisation))
                    .containsExactly(firstPeriods.get(organisation) + " 2025-09-01 2026-01-31",
                            secondPeriods.get(organisation) + " 2026-06-01 -");
        }
        assertThat(rows("select name from organisation where generation = :g and id = :id", served, untouched))
                .containsExactly("Batch AI " + untouched);
        VerifiableLogTest.assertTheLogVerifies();
    }

    /** Sends an event {@code minutesAgo}; its id. */
    static String send(RegisterEvents events, EventType<?> type, UUID organisation, Object data, int minutesAgo) {
        String id = UUID.randomUUID().toString();
        events.send(id, type, organisation, data, RegisterEvents.at(minutesAgo));
        return id;
    }

    List<String> rows(String query, int generation, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery(query).setParameter("g", generation).setParameter("id", id)
                    .getResultList();
            return rows;
        });
    }

    /**
     * Runs {@code send} while a connection of the test holds the log's lock, once the consumer waits for it: the
     * records sent meanwhile wait on the topic, and are polled together once the lock is let go.
     */
    void whileTheLogIsLocked(RegisterEvents events, Runnable send) throws Exception {
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute(
                    "select pg_advisory_xact_lock(hashtextextended('transparency.register-log', 0))");
            sendSignatory(events, UUID.randomUUID());
            await().atMost(APPLIED_WITHIN).until(() -> waitingForTheLog(blocker));
            send.run();
            blocker.rollback();
        }
    }

    static boolean waitingForTheLog(Connection blocker) throws Exception {
        try (ResultSet waiting = blocker.createStatement().executeQuery("select count(*) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid() and wait_event = 'advisory'")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    /** Sends a signatory's registration; its event id. */
    static String sendSignatory(RegisterEvents events, UUID organisation) {
        String id = UUID.randomUUID().toString();
        events.send(id, EventTypes.SIGNATORY_REGISTERED, organisation, signatory(organisation), RegisterEvents.at(0));
        return id;
    }

    static SignatoryRegistered signatory(UUID organisation) {
        return new SignatoryRegistered(organisation, "Batch AI " + organisation, "FR", null,
                Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1));
    }

    /** The times at which each event's entries were appended (the appending transaction's), once all have one. */
    Map<String, List<String>> awaitLogged(List<String> ids) {
        return await().atMost(APPLIED_WITHIN).until(() -> logged(ids, "event_id"), found -> found.size() == ids.size());
    }

    Map<String, List<String>> logged(List<String> values, String column) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select event_id, appended_at::text from log_entry where "
                            + column + "::text in (:values) order by sequence")
                    .setParameter("values", values).getResultList();
            Map<String, List<String>> found = new HashMap<>();
            rows.forEach(row -> found.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]));
            return found;
        });
    }
}
