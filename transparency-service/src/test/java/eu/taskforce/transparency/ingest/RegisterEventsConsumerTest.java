package eu.taskforce.transparency.ingest;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.testing.KafkaRecords;
import eu.taskforce.platform.testing.MembershipFeed;
import eu.taskforce.transparency.MembershipStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register's consumer of the membership topic, fed real CloudEvents records through the shared Kafka broker
 * ({@code test.} topics) and read back through the public API and the dead-letter topic.
 */
@QuarkusTest
class RegisterEventsConsumerTest {

    static final String PARTICIPANTS = "/api/v1/public/participants";
    static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String jdbcUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String jdbcPassword;

    @Inject
    TopicNames topicNames;

    @Inject
    EntityManager entityManager;

    KafkaProducer<String, String> producer;
    String topic;
    String deadLetterTopic;

    @BeforeEach
    void producer() {
        topic = topicNames.of(Topics.MEMBERSHIP);
        deadLetterTopic = topic + ".dlq.transparency";
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID organisation = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        String name = "Dedup AI " + organisation;
        String registered = UUID.randomUUID().toString();
        String corrected = UUID.randomUUID().toString();
        String started = UUID.randomUUID().toString();

        send(cloudEvent(registered, EventTypes.SIGNATORY_REGISTERED, organisation, signatory(organisation, name, "FR", null)));
        send(cloudEvent(corrected, EventTypes.SIGNATORY_REGISTERED, organisation, signatory(organisation, name, "DE", null)));
        // the first event again, after the one that corrected it: applied a second time it would undo the correction
        send(cloudEvent(registered, EventTypes.SIGNATORY_REGISTERED, organisation, signatory(organisation, name, "FR", null)));
        send(cloudEvent(started, EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, membership, name, LocalDate.of(2025, 9, 1))));

        // same key, same partition, applied in order: once the membership shows, the redelivery has been handled
        Map<String, Object> participant = awaitParticipant(organisation, p -> true);
        assertThat(participant.get("country")).as("the redelivered event did not undo the correction").isEqualTo("DE");

        // MembershipStarted delivered twice, then an event that shows when the duplicate has been handled
        send(cloudEvent(started, EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, membership, name, LocalDate.of(2025, 9, 1))));
        String website = "https://dedup.example/" + organisation;
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                signatory(organisation, name, "DE", website)));
        awaitParticipant(organisation, p -> website.equals(p.get("website")));

        assertThat(participants().stream().filter(p -> organisation.toString().equals(p.get("organisationId"))))
                .as("one current membership, shown once").hasSize(1);
        assertThat(membershipPeriods(organisation)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID organisation = UUID.randomUUID();
        String name = "Dead letter AI " + organisation;

        // a record without the CloudEvents headers
        send(new ProducerRecord<>(topic, organisation.toString(),
                EventJson.write(signatory(organisation, name, "FR", null))));
        // a CloudEvent whose data is not JSON
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                "{\"signatoryId\": \"" + organisation + "\", \"membershipId\": "));
        // then valid events for the same organisation: same key, same partition, after the bad ones
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                signatory(organisation, name, "IT", null)));
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), name, LocalDate.of(2025, 10, 1))));

        Map<String, Object> participant = awaitParticipant(organisation, p -> true);
        assertThat(participant.get("name")).isEqualTo(name);
        assertThat(participant.get("country")).isEqualTo("IT");

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        await().atMost(APPLIED_WITHIN).until(() -> {
            deadLetters.clear();
            KafkaRecords.readAll(bootstrapServers, deadLetterTopic).stream()
                    .filter(r -> organisation.toString().equals(r.key()))
                    .forEach(deadLetters::add);
            return deadLetters.size() >= 2;
        });
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters).allSatisfy(r ->
                assertThat(KafkaRecords.header(r, "dead-letter-topic")).isEqualTo(topic));
        assertThat(KafkaRecords.header(deadLetters.get(0), "dead-letter-reason"))
                .contains("lacks the header " + CloudEvents.HEADER_ID);
        assertThat(deadLetters.get(0).value()).contains(name); // the record as it came, for whoever looks into it
        assertThat(KafkaRecords.header(deadLetters.get(1), "dead-letter-reason"))
                .contains("not a valid MembershipStarted");
    }

    @Test
    void representativesAreListedByNameOnlyWithConsentAndLeaveWhenRemoved() {
        UUID organisation = UUID.randomUUID();
        String name = "Consent AI " + organisation;
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        String person = "Jeanne Martin " + named;
        Opening opening = Opening.of("publicName", named, person);
        MembershipStub.disclose(opening);
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                signatory(organisation, name, "FR", null)));
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), name, LocalDate.of(2026, 1, 30))));
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, named, RepresentativeRole.PRINCIPAL, opening.personalField())));
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, unnamed, RepresentativeRole.ALTERNATE, null)));

        // the name once resolved from its commitment; the one without consent is not listed
        Map<String, Object> participant = awaitParticipant(organisation,
                p -> ((List<?>) p.get("representatives")).toString().contains(person));
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("name", person, "role", "PRINCIPAL",
                "nameCommitment", opening.commitment()));
        expected.put("nameWithheld", null);
        assertThat(participant.get("representatives")).isEqualTo(List.of(expected));

        // consent withdrawn (the profile without a name), then the other one removed: the name leaves the register
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_UPDATED, organisation,
                new RepresentativeProfile(organisation, named, RepresentativeRole.PRINCIPAL, null)));
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_REMOVED, organisation,
                new RepresentativeRemoved(organisation, unnamed)));
        awaitParticipant(organisation, p -> ((List<?>) p.get("representatives")).isEmpty());
        assertThat(participant(organisation).orElseThrow().toString()).doesNotContain(person);
    }

    @Test
    void anEventWithAMalformedCommitmentGoesToTheDeadLetterTopic() {
        UUID organisation = UUID.randomUUID();
        UUID representative = UUID.randomUUID();
        // a commitment that is not one (here: a name), and one that belongs to someone else
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, representative, RepresentativeRole.PRINCIPAL,
                        new PersonalField("Jeanne Martin", representative))));
        send(cloudEvent(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, representative, RepresentativeRole.PRINCIPAL,
                        Opening.of("publicName", UUID.randomUUID(), "Someone").personalField())));
        List<String> reasons = new ArrayList<>();
        await().atMost(APPLIED_WITHIN).until(() -> {
            reasons.clear();
            KafkaRecords.readAll(bootstrapServers, deadLetterTopic).stream()
                    .filter(r -> organisation.toString().equals(r.key()))
                    .forEach(r -> reasons.add(KafkaRecords.header(r, "dead-letter-reason")));
            return reasons.size() >= 2;
        });
        assertThat(reasons.get(0)).contains("not of the form sha256:").doesNotContain("Jeanne");
        assertThat(reasons.get(1)).contains("ref is not the person");
    }

    /**
     * PostgreSQL drops the consumer's connection while it applies an event (as a restart does): the event is applied a
     * moment later on a new connection, never sent to the dead-letter topic. The test holds a lock that every
     * consumer's inbox insert waits for, and ends the waiting backend twice, as an operator's restart would.
     */
    @Test
    void anEventWhoseDatabaseConnectionIsLostIsAppliedLaterNotDeadLettered() throws Exception {
        UUID organisation = UUID.randomUUID();
        String name = "Lost connection AI " + organisation;
        try (Connection blocker = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table processed_event in share mode");
            send(cloudEvent(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                    signatory(organisation, name, "PT", null)));
            send(cloudEvent(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                    new MembershipStarted(organisation, UUID.randomUUID(), name, LocalDate.of(2025, 11, 1))));
            for (int attempt = 0; attempt < 2; attempt++) {
                await().atMost(APPLIED_WITHIN).until(() -> terminateWaitingConsumers(blocker) > 0);
            }
            blocker.rollback();
        }
        Map<String, Object> participant = awaitParticipant(organisation, p -> true);
        assertThat(participant.get("country")).as("the event whose connection was lost is applied").isEqualTo("PT");
        assertThat(KafkaRecords.readAll(bootstrapServers, deadLetterTopic))
                .noneMatch(r -> organisation.toString().equals(r.key()));
    }

    /** Ends every other backend of this database that waits for a lock; how many. */
    private static int terminateWaitingConsumers(Connection blocker) throws SQLException {
        try (ResultSet ended = blocker.createStatement().executeQuery("with waiting as materialized ("
                + "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                + "and wait_event_type = 'Lock') select count(*) filter (where pg_terminate_backend(pid)) from waiting")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    static SignatoryRegistered signatory(UUID id, String name, String country, String website) {
        return new SignatoryRegistered(id, name, country, website, Set.of(Chapter.TRANSPARENCY),
                LocalDate.of(2025, 8, 1));
    }

    /** A CloudEvent in Kafka binary mode, as membership-service's outbox writes it; data is a payload or raw text. */
    ProducerRecord<String, String> cloudEvent(String id, EventType<?> type, UUID subject, Object data) {
        return MembershipFeed.cloudEvent(topic, id, type, subject, data);
    }

    /** Sends and waits for the acknowledgement, so that the records of a test are on the topic in this order. */
    RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    /** Waits until the public register lists the organisation in a state that {@code ready} accepts. */
    Map<String, Object> awaitParticipant(UUID organisation, java.util.function.Predicate<Map<String, Object>> ready) {
        return await().atMost(APPLIED_WITHIN).until(() -> participant(organisation), p -> p.isPresent() && ready.test(p.get()))
                .orElseThrow();
    }

    Optional<Map<String, Object>> participant(UUID organisation) {
        return participants().stream().filter(p -> organisation.toString().equals(p.get("organisationId"))).findFirst();
    }

    /** Every participant of the public register, page by page. */
    List<Map<String, Object>> participants() {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PARTICIPANTS).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    long membershipPeriods(UUID organisation) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from membership_period where organisation_id = :id and generation = (select generation from register_generation where status = 'SERVING')")
                .setParameter("id", organisation).getSingleResult()).longValue());
    }
}
