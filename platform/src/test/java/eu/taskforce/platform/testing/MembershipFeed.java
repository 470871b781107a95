package eu.taskforce.platform.testing;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Plays membership-service in the tests: writes membership CloudEvents (Kafka binary mode, as its outbox does) to the
 * {@code test.} membership topic of the shared broker, and waits until the service's membership replica shows them.
 */
public final class MembershipFeed implements AutoCloseable {

    public static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    private final KafkaProducer<String, String> producer;
    private final EntityManager entityManager;
    private final String topicPrefix;
    public final String topic;
    public final String bootstrapServers;

    public MembershipFeed(String bootstrapServers, String topicPrefix, EntityManager entityManager) {
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix;
        this.topic = topicPrefix + Topics.MEMBERSHIP;
        this.entityManager = entityManager;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /** A feed to the service under test: its broker, topic prefix and database, from its configuration. */
    public static MembershipFeed open() {
        Config config = ConfigProvider.getConfig();
        return new MembershipFeed(config.getValue("kafka.bootstrap.servers", String.class),
                config.getValue("taskforce.kafka.topic-prefix", String.class),
                Arc.container().instance(EntityManager.class).get());
    }

    /** Registers the organisation and starts a membership period for it, then waits until the replica has it. */
    public void member(UUID organisation, String name) {
        send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation, new SignatoryRegistered(
                organisation, name, "FR", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)));
        send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), name, LocalDate.of(2026, 1, 30)));
        awaitMember(organisation, true);
    }

    /** Ends the organisation's current membership period (it left today), then waits until the replica has it. */
    public void leave(UUID organisation) {
        UUID membership = QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "select membership_id from member_organisation where id = :id", UUID.class)
                .setParameter("id", organisation).getSingleResult());
        send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_ENDED, organisation, new MembershipEnded(organisation,
                membership, LocalDate.now(ZoneOffset.UTC), MembershipEnded.Reason.LEFT));
        awaitMember(organisation, false);
    }

    public void awaitMember(UUID organisation, boolean member) {
        await().atMost(APPLIED_WITHIN).until(() -> member == isMember(organisation));
    }

    public boolean isMember(UUID organisation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select member from member_organisation where id = :id")
                    .setParameter("id", organisation).getResultList();
            return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
        });
    }

    /** A contract topic (such as {@code taskforce.guidance.v1}) as the service under test names it. */
    public String topicOf(String contractTopic) {
        return topicPrefix + contractTopic;
    }

    /** The single number a query of the service's database answers (a count), in a transaction of its own. */
    public long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    public String name(UUID organisation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("select name from member_organisation where id = :id")
                    .setParameter("id", organisation).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    /** Sends a CloudEvent and waits for Kafka's acknowledgement, so that a test's records are on the topic in order. */
    public void send(String id, EventType<?> type, UUID subject, Object data) {
        send(cloudEvent(topic, id, type, subject, data));
    }

    /**
     * Sends a CloudEvent of any type to its own topic (with the test prefix), as the service that owns the topic would
     * (for a consumer of every topic, such as notification-service), and waits for Kafka's acknowledgement.
     */
    public void publish(String id, EventType<?> type, UUID subject, Object data) {
        send(cloudEvent(topicPrefix + type.topic(), id, type, subject, data));
    }

    /**
     * A CloudEvent in Kafka binary mode, as the outbox of the service that owns the type's topic writes it (its source:
     * membership-service, meeting-service or guidance-service); data is a payload or raw text.
     */
    public static ProducerRecord<String, String> cloudEvent(String topic, String id, EventType<?> type, UUID subject,
            Object data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject.toString(),
                data instanceof String raw ? raw : EventJson.write(data));
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, id);
        header(record, CloudEvents.HEADER_SOURCE, CloudEvents.source(owner(type)));
        header(record, CloudEvents.HEADER_TYPE, type.type());
        header(record, CloudEvents.HEADER_SUBJECT, subject.toString());
        header(record, CloudEvents.HEADER_TIME, OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, CloudEvents.HEADER_DATA_SCHEMA, type.dataSchema());
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    private static String owner(EventType<?> type) {
        return switch (type.topic()) {
            case Topics.MEETINGS -> "meeting-service";
            case Topics.GUIDANCE -> "guidance-service";
            default -> "membership-service";
        };
    }

    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
