package eu.taskforce.transparency;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends CloudEvents to the shared broker's {@code test.} topics as the other services' outboxes write them (Kafka
 * binary mode, key = the aggregate id), with the event time chosen by the test so that order can be played with.
 */
public final class RegisterEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String prefix;
    private final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RegisterEvents(String bootstrapServers, String prefix) {
        this.prefix = prefix;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * A producer to the three contract topics of the running test (their names as its configuration makes them), which
     * keep their events forever.
     */
    public static RegisterEvents toContractTopics() {
        String bootstrapServers = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class);
        eu.taskforce.platform.kafka.TopicNames topicNames = io.quarkus.arc.Arc.container()
                .instance(eu.taskforce.platform.kafka.TopicNames.class).get();
        keepForever(bootstrapServers, List.of(topicNames.of(eu.taskforce.contracts.Topics.MEMBERSHIP),
                topicNames.of(eu.taskforce.contracts.Topics.MEETINGS), topicNames.of(eu.taskforce.contracts.Topics.GUIDANCE)));
        return new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    /**
     * The register is rebuilt from the topics, so they keep their events forever: the test topics (created by the
     * first test that writes to them, with the broker's default retention) get retention.ms=-1 like the stack's.
     */
    public static void keepForever(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                            .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure the test topics " + topics, e);
        }
    }

    public static OffsetDateTime at(int minutesAgo) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo).truncatedTo(ChronoUnit.MILLIS);
    }

    /** A CloudEvent of {@code type} about {@code subject}, with the event id and time given. */
    public ProducerRecord<String, String> event(String id, EventType<?> type, UUID subject, Object data,
                                                OffsetDateTime time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(prefix + type.topic(), subject.toString(),
                data instanceof String raw ? raw : EventJson.write(data));
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, id);
        header(record, CloudEvents.HEADER_SOURCE, CloudEvents.source(type.topic().contains("meetings")
                ? "meeting-service" : type.topic().contains("guidance") ? "guidance-service" : "membership-service"));
        header(record, CloudEvents.HEADER_TYPE, type.type());
        header(record, CloudEvents.HEADER_SUBJECT, subject.toString());
        header(record, CloudEvents.HEADER_TIME, time.toString());
        header(record, CloudEvents.HEADER_DATA_SCHEMA, type.dataSchema());
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    /** Sends and waits for the acknowledgement, so that records are on their partition in the order sent. */
    public RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            RecordMetadata metadata = producer.send(record).get(30, TimeUnit.SECONDS);
            sent.add(new String(record.headers().lastHeader(CloudEvents.HEADER_ID).value(), StandardCharsets.UTF_8));
            return metadata;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    public RecordMetadata send(String id, EventType<?> type, UUID subject, Object data, OffsetDateTime time) {
        return send(event(id, type, subject, data, time));
    }

    /** The ids of the events sent so far, in the order sent. */
    public List<String> sentIds() {
        return List.copyOf(sent);
    }

    public String prefix() {
        return prefix;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
