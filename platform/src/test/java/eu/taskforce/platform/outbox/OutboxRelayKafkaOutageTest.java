package eu.taskforce.platform.outbox;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.testing.InjectKafkaBroker;
import eu.taskforce.platform.testing.KafkaBroker;
import eu.taskforce.platform.testing.KafkaBrokerResource;
import eu.taskforce.platform.testing.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against a real Kafka broker of the test's own, which the test stops and starts: events written
 * while Kafka is away wait in the outbox and are published, once each, when it is back.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "name", value = "outbox"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OutboxRelayKafkaOutageTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Inject
    TopicNames topicNames;

    String topic;

    @BeforeEach
    void brokerUp() {
        broker.start(); // a test that failed half-way may have left it stopped
        topic = topicNames.of(Topics.MEMBERSHIP);
        broker.createTopic(topic, 2);
    }

    /** An event the outbox recorded: its id, and what the test expects on Kafka. */
    record Written(UUID id, UUID aggregateId, MembershipStarted payload) {
    }

    @Test
    void eventsWrittenWhileKafkaIsStoppedArePublishedOnceItIsBack() {
        // the relay publishes while Kafka is up (which also connects its producer before the outage)
        Written before = write(1, 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(List.of(before)) == 0);

        broker.stop();
        List<Written> written = write(6, 2); // two aggregates, three events each, in one transaction

        // while Kafka is away they wait in the outbox, unpublished
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> unpublished(written) == written.size());
        // and the relay reports them waiting (the taskforce.outbox.pending gauge), the oldest one getting older
        // (taskforce.outbox.oldest.age, which the alert OutboxEventsWaiting reads)
        await().atMost(Duration.ofSeconds(15)).until(() -> relay.pending() >= written.size());
        await().atMost(Duration.ofSeconds(15)).until(() -> relay.oldestPendingAgeSeconds() >= 2);

        broker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(written) == 0 && relay.pending() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.oldestPendingAgeSeconds() == 0);

        Map<String, List<ConsumerRecord<String, String>>> onKafka = recordsById(written);
        assertThat(onKafka).as("each event is on the topic exactly once").hasSize(written.size())
                .allSatisfy((id, records) -> assertThat(records).hasSize(1));
        for (Written event : written) {
            ConsumerRecord<String, String> record = onKafka.get(event.id().toString()).get(0);
            assertThat(record.key()).isEqualTo(event.aggregateId().toString());
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_ID)).isEqualTo(event.id().toString());
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_TYPE))
                    .isEqualTo(EventTypes.MEMBERSHIP_STARTED.type());
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_SUBJECT))
                    .isEqualTo(event.aggregateId().toString());
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("/taskforce/platform-test");
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_DATA_SCHEMA))
                    .isEqualTo(EventTypes.MEMBERSHIP_STARTED.dataSchema());
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(KafkaRecords.header(record, CloudEvents.HEADER_TIME)).isNotBlank();
            assertThat(EventJson.read(record.value(), MembershipStarted.class)).isEqualTo(event.payload());
        }
        // each aggregate's events arrive in the order they were written
        Map<UUID, List<UUID>> writtenOrder = written.stream().collect(Collectors.groupingBy(Written::aggregateId,
                Collectors.mapping(Written::id, Collectors.toList())));
        List<ConsumerRecord<String, String>> all = KafkaRecords.readAll(broker.bootstrapServers(), topic);
        writtenOrder.forEach((aggregate, ids) -> assertThat(all.stream()
                .filter(r -> r.key().equals(aggregate.toString()))
                .map(r -> UUID.fromString(KafkaRecords.header(r, CloudEvents.HEADER_ID))).toList())
                .containsExactlyElementsOf(ids));
    }

    @Test
    void relaysRunningAtTheSameTimePublishEachEventOnce() throws Exception {
        List<Written> written = write(450, 15); // more than two batches of 200
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // three relays, as if three instances of a service shared the database, besides the scheduled one
            Callable<Integer> aRelay = () -> {
                int published = 0;
                while (unpublished(written) > 0) {
                    published += relay.relayBatch().published();
                }
                return published;
            };
            List<Future<Integer>> relays = pool.invokeAll(List.of(aRelay, aRelay, aRelay),
                    60, TimeUnit.SECONDS);
            for (Future<Integer> r : relays) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unpublished(written)).isZero();
        Map<String, List<ConsumerRecord<String, String>>> onKafka = recordsById(written);
        assertThat(onKafka).hasSize(written.size());
        assertThat(onKafka.values()).as("no event is published twice").allSatisfy(r -> assertThat(r).hasSize(1));
    }

    /** Writes {@code count} events about {@code aggregates} aggregates in one transaction, as a service does. */
    List<Written> write(int count, int aggregates) {
        List<UUID> aggregateIds = IntStream.range(0, aggregates).mapToObj(i -> UUID.randomUUID()).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Written> written = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID aggregate = aggregateIds.get(i % aggregates);
                MembershipStarted payload = new MembershipStarted(aggregate, UUID.randomUUID(),
                        "Outbox test organisation " + i, LocalDate.of(2025, 9, 1).plusDays(i));
                written.add(new Written(outbox.add(EventTypes.MEMBERSHIP_STARTED, aggregate, payload), aggregate,
                        payload));
            }
            return written;
        });
    }

    /** How many of these events the outbox has not marked published. */
    long unpublished(List<Written> events) {
        List<UUID> ids = events.stream().map(Written::id).toList();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where id in (:ids) and published_at is null")
                .setParameter("ids", ids).getSingleResult()).longValue());
    }

    /** The records of these events on the topic, by CloudEvents id. */
    Map<String, List<ConsumerRecord<String, String>>> recordsById(List<Written> events) {
        List<String> ids = events.stream().map(e -> e.id().toString()).toList();
        return KafkaRecords.readAll(broker.bootstrapServers(), topic).stream()
                .filter(r -> ids.contains(KafkaRecords.header(r, CloudEvents.HEADER_ID)))
                .collect(Collectors.groupingBy(r -> KafkaRecords.header(r, CloudEvents.HEADER_ID)));
    }
}
