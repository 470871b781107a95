package eu.taskforce.meeting;

import eu.taskforce.platform.testing.MembershipFeed;
import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.platform.membership.StakeholderReplicaBackfill;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.testing.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The membership replica, fed real CloudEvents records through the shared Kafka broker ({@code test.} topics):
 * joins and leaves applied once each, representatives kept, malformed records dead-lettered; the stakeholders of a
 * replica kept before it knew them filled from the whole topic once.
 */
@QuarkusTest
class MembershipReplicaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    EntityManager entityManager;

    @Inject
    StakeholderReplicaBackfill backfill;

    MembershipFeed feed;

    @BeforeEach
    void feed() {
        feed = new MembershipFeed(bootstrapServers, topicPrefix, entityManager);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void aReplicaKeptBeforeItKnewStakeholdersIsFilledFromTheWholeTopicOnce() {
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        for (UUID stakeholder : List.of(kept, removed)) {
            feed.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REGISTERED, stakeholder,
                    new StakeholderProfile(stakeholder, StakeholderProfile.Kind.ORGANISATION, false, null, null, null, null));
        }
        feed.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REMOVED, removed, new StakeholderRemoved(removed));
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> count("select count(*) from registered_stakeholder"
                + " where id = '" + removed + "' and removed_at is not null") == 1);
        // as in a database whose replica was kept before: the inbox has the events, the replica has not
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from registered_stakeholder where id in (:ids)")
                    .setParameter("ids", List.of(kept, removed)).executeUpdate();
            entityManager.createNativeQuery("update replica_backfill set done_at = null").executeUpdate();
        });

        assertThat(backfill.fill()).isPositive();

        assertThat(count("select count(*) from registered_stakeholder where id = '" + kept + "' and removed_at is null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from registered_stakeholder where id = '" + removed + "'"
                + " and removed_at is not null")).isEqualTo(1);
        assertThat(count("select count(*) from replica_backfill where done_at is null")).isZero();
        // once: a second pass reads nothing
        assertThat(backfill.fill()).isZero();
    }

    private long count(String sql) {
        return feed.count(sql);
    }

    @Test
    void joiningAndLeavingAreAppliedOnceEachEvenWhenRedelivered() {
        UUID organisation = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        String started = UUID.randomUUID().toString();
        feed.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation, signatory(organisation, "Replica AI"));
        feed.send(started, EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, membership, "Replica AI", LocalDate.of(2026, 2, 1)));
        feed.awaitMember(organisation, true);
        assertThat(feed.name(organisation)).isEqualTo("Replica AI");

        feed.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_ENDED, organisation,
                new MembershipEnded(organisation, membership, LocalDate.of(2026, 6, 30), MembershipEnded.Reason.LEFT));
        // the start redelivered after the end: applied again it would make the organisation a member again
        feed.send(started, EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, membership, "Replica AI", LocalDate.of(2026, 2, 1)));
        // an event after the duplicate shows when the duplicate has been handled
        feed.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_UPDATED, organisation, new SignatoryUpdated(
                organisation, "Replica AI renamed", "FR", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1),
                LocalDate.of(2026, 7, 1)));
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> "Replica AI renamed".equals(feed.name(organisation)));
        assertThat(feed.isMember(organisation)).as("the redelivered start changed nothing").isFalse();
        assertThat(processedEvents(started)).isEqualTo(1);
    }

    @Test
    void representativesAreKeptByIdOrganisationAndRoleWithoutTheirNameAndRemoved() {
        UUID organisation = UUID.randomUUID();
        UUID principal = UUID.randomUUID();
        UUID alternate = UUID.randomUUID();
        feed.member(organisation, "Representative AI");
        feed.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, principal, RepresentativeRole.PRINCIPAL, null));
        feed.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, alternate, RepresentativeRole.ALTERNATE, null));
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> representatives(organisation),
                rows -> rows.equals(List.of(principal + " PRINCIPAL active", alternate + " ALTERNATE active")
                        .stream().sorted().toList()));

        // the principal becomes an alternate, the alternate leaves
        feed.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_UPDATED, organisation,
                new RepresentativeProfile(organisation, principal, RepresentativeRole.ALTERNATE, null));
        feed.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_REMOVED, organisation,
                new RepresentativeRemoved(organisation, alternate));
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> representatives(organisation),
                rows -> rows.equals(List.of(principal + " ALTERNATE active", alternate + " ALTERNATE removed")
                        .stream().sorted().toList()));
        assertThat(activeRepresentatives(organisation)).isEqualTo(1);
        // the replica keeps no personal data: a representative is an id, an organisation and a role
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select column_name from information_schema.columns
                        where table_schema = current_schema() and table_name = 'member_representative'
                        order by column_name""").getResultList()))
                .containsExactly("id", "organisation_id", "removed_at", "role", "updated_at");
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID organisation = UUID.randomUUID();
        String deadLetterTopic = feed.topic + ".dlq.meeting";
        // a record without the CloudEvents headers, then a CloudEvent whose data is not JSON
        feed.send(new ProducerRecord<>(feed.topic, organisation.toString(),
                EventJson.write(signatory(organisation, "Headless AI"))));
        feed.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                "{\"signatoryId\": \"" + organisation + "\", \"membershipId\": ");
        // then valid events of the same organisation: same key, same partition, after the bad ones
        feed.member(organisation, "Dead letter AI");

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> {
            deadLetters.clear();
            KafkaRecords.readAll(bootstrapServers, deadLetterTopic).stream()
                    .filter(r -> organisation.toString().equals(r.key()))
                    .forEach(deadLetters::add);
            return deadLetters.size() >= 2;
        });
        assertThat(deadLetters).hasSize(2);
        assertThat(KafkaRecords.header(deadLetters.get(0), "dead-letter-reason"))
                .contains("lacks the header " + CloudEvents.HEADER_ID);
        assertThat(KafkaRecords.header(deadLetters.get(1), "dead-letter-reason"))
                .contains("not a valid MembershipStarted");
        assertThat(feed.name(organisation)).isEqualTo("Dead letter AI");
    }

    static SignatoryRegistered signatory(UUID id, String name) {
        return new SignatoryRegistered(id, name, "FR", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1));
    }

    long activeRepresentatives(UUID organisation) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from member_representative where organisation_id = :id and removed_at is null")
                .setParameter("id", organisation).getSingleResult()).longValue());
    }

    /** The replica's rows of an organisation's representatives: "id ROLE active|removed", sorted. */
    List<String> representatives(UUID organisation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            select id, organisation_id, role, removed_at is not null from member_representative
                            where organisation_id = :id""")
                    .setParameter("id", organisation).getResultList();
            return rows.stream().peek(row -> assertThat(row[1]).isEqualTo(organisation))
                    .map(row -> row[0] + " " + row[2] + (Boolean.TRUE.equals(row[3]) ? " removed" : " active"))
                    .sorted().toList();
        });
    }

    long processedEvents(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
