package eu.taskforce.examples.subscriber;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.reference.Chapter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example subscriber against the real broker (the one {@code ./taskforce up} starts, or {@code TASKFORCE_KAFKA}),
 * on a topic and consumer groups of the test's own. Events are written as the services' outboxes write them (Kafka
 * binary mode, key = the aggregate id), with a duplicate, an older state arriving after a newer one, a record that
 * does not fit its schema and one that is no CloudEvent at all.
 */
class SubscriberTest {

    static final String BOOTSTRAP = System.getenv().getOrDefault("TASKFORCE_KAFKA", "127.0.0.1:9092");
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    String topic;
    KafkaProducer<String, String> producer;
    final List<String> lines = new ArrayList<>();

    @BeforeEach
    void topic() throws Exception {
        topic = "test.example-subscriber." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void cleanUp() throws Exception {
        producer.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void duplicatesAreAppliedOnceAnOlderStateNeverWinsAndBadRecordsDoNotBlockThePartition() {
        String org = UUID.randomUUID().toString();
        String registered = UUID.randomUUID().toString();
        send(registered, EventTypes.SIGNATORY_REGISTERED, org, new SignatoryRegistered(UUID.fromString(org),
                "Example AI", "BE", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)), T0);
        send(registered, EventTypes.SIGNATORY_REGISTERED, org, new SignatoryRegistered(UUID.fromString(org),
                "Example AI", "BE", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)), T0); // the outbox resent it
        send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_UPDATED, org, new SignatoryUpdated(UUID.fromString(org),
                "Example AI Labs", "BE", null, Set.of(Chapter.TRANSPARENCY, Chapter.COPYRIGHT), LocalDate.of(2025, 8, 1),
                LocalDate.of(2026, 3, 2)), T0.plusDays(2));
        // an older state of the same signatory, redelivered after the newer one
        send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_UPDATED, org, new SignatoryUpdated(UUID.fromString(org),
                "Example AI (old name)", "BE", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1),
                LocalDate.of(2026, 3, 1)), T0.plusDays(1));
        // on the same partition (same key): a payload its schema refuses, then a record that is no CloudEvent
        send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_UPDATED, org,
                "{\"signatoryId\":\"" + org + "\",\"name\":\"Example AI\",\"country\":\"BEL\","
                        + "\"chapters\":[\"TRANSPARENCY\"],\"signedOn\":\"2025-08-01\",\"effectiveOn\":\"2026-03-04\"}",
                T0.plusDays(3));
        producer.send(new ProducerRecord<>(topic, org, "not a CloudEvent"));
        String other = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, org, new SignatoryRegistered(
                UUID.fromString(other), "Other AI", null, null, Set.of(Chapter.COPYRIGHT), LocalDate.of(2025, 8, 2)),
                T0.plusDays(4));
        producer.flush();

        SignatoryView view = new SignatoryView();
        String group = "test.example-subscriber." + UUID.randomUUID();
        try (Subscriber subscriber = subscriber(group, view)) {
            pollUntil(subscriber, () -> view.signatory(other).isPresent());
            assertThat(subscriber.counts()).hasToString("applied=3 duplicates=1 stale=1 rejected=2 unknownTypes=0");
        }
        SignatoryView.Signatory signatory = view.signatory(org).orElseThrow();
        assertThat(signatory.name()).isEqualTo("Example AI Labs");
        assertThat(signatory.chapters()).containsExactlyInAnyOrder("TRANSPARENCY", "COPYRIGHT");
        assertThat(signatory.asOf()).isEqualTo(T0.plusDays(2));
        assertThat(view.signatory(other).orElseThrow().country()).isNull();
        assertThat(lines).contains("ignored, older than what is held: eu.taskforce.membership.signatory-updated.v1 " + org);

        // the same group goes on where it committed: nothing is read again
        try (Subscriber again = subscriber(group, new SignatoryView())) {
            for (int i = 0; i < 5; i++) {
                again.poll(Duration.ofMillis(500));
            }
            assertThat(again.counts()).hasToString("applied=0 duplicates=0 stale=0 rejected=0 unknownTypes=0");
        }
        // a new group reads from the beginning and arrives at the same state
        SignatoryView fresh = new SignatoryView();
        try (Subscriber replay = subscriber("test.example-subscriber." + UUID.randomUUID(), fresh)) {
            pollUntil(replay, () -> fresh.signatory(other).isPresent());
            assertThat(replay.counts()).hasToString("applied=3 duplicates=1 stale=1 rejected=2 unknownTypes=0");
        }
        assertThat(fresh.signatory(org)).isEqualTo(view.signatory(org));
    }

    @Test
    void aWithdrawalOrAnErasureForgetsTheNameAndKeepsTheCommitment() {
        UUID org = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        Opening aliceName = Opening.of("publicName", alice, "Alice Example");
        Opening bobName = Opening.of("publicName", bob, "Bob Example");
        send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, org.toString(),
                new RepresentativeProfile(org, alice, RepresentativeRole.PRINCIPAL, aliceName.personalField()), T0);
        send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, org.toString(),
                new RepresentativeProfile(org, bob, RepresentativeRole.ALTERNATE, bobName.personalField()), T0);
        producer.flush();

        SignatoryView view = new SignatoryView();
        try (Subscriber subscriber = subscriber("test.example-subscriber." + UUID.randomUUID(), view)) {
            pollUntil(subscriber, () -> view.representative(bob.toString()).isPresent());
            // the application fetched both names from the register's disclosures
            assertThat(view.resolved(aliceName.commitment(), aliceName.value())).isTrue();
            assertThat(view.resolved(bobName.commitment(), bobName.value())).isTrue();
            assertThat(view.name(alice.toString())).contains("Alice Example");

            send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, org.toString(),
                    new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.REPRESENTATIVE, org, alice,
                            List.of(aliceName.commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN), T0.plusDays(1));
            // an erasure dated before the appointment is applied all the same: forgetting never waits for order
            send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_ERASED, org.toString(),
                    new RepresentativeErased(org, bob, List.of(bobName.commitment())), T0.minusDays(1));
            producer.flush();
            pollUntil(subscriber, () -> view.representative(bob.toString()).isEmpty());
            assertThat(subscriber.counts()).hasToString("applied=4 duplicates=0 stale=0 rejected=0 unknownTypes=0");
        }
        assertThat(view.name(alice.toString())).isEmpty();
        assertThat(view.representative(alice.toString()).orElseThrow().nameCommitment())
                .as("the commitment stays").isEqualTo(aliceName.commitment());
        assertThat(view.resolved(aliceName.commitment(), aliceName.value()))
                .as("a late resolution of a withdrawn commitment is refused").isFalse();
        assertThat(view.name(alice.toString())).isEmpty();
        assertThat(view.representative(bob.toString())).isEmpty();
        assertThat(view.withdrawnCommitments()).containsExactlyInAnyOrder(aliceName.commitment(), bobName.commitment());
    }

    Subscriber subscriber(String group, SignatoryView view) {
        return new Subscriber(Subscriber.settings(BOOTSTRAP, group), List.of(topic), view, lines::add);
    }

    static void pollUntil(Subscriber subscriber, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 60 s; so far " + subscriber.counts()).isLessThan(deadline);
            subscriber.poll(Duration.ofMillis(500));
        }
        // whatever else is there already (the records after the one waited for)
        subscriber.poll(Duration.ofMillis(500));
    }

    /** A record as the outbox relay writes it: key = aggregate id, ce_ headers, JSON value. */
    void send(String id, EventType<?> type, String key, Object data, OffsetDateTime time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key,
                data instanceof String raw ? raw : EventJson.write(data));
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, id);
        header(record, CloudEvents.HEADER_SOURCE, CloudEvents.source("membership-service"));
        header(record, CloudEvents.HEADER_TYPE, type.type());
        header(record, CloudEvents.HEADER_SUBJECT, key);
        header(record, CloudEvents.HEADER_TIME, time.toString());
        header(record, CloudEvents.HEADER_DATA_SCHEMA, type.dataSchema());
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        producer.send(record);
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
