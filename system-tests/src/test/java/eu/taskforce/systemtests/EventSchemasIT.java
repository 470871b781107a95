package eu.taskforce.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads the contract topics as an outside subscriber would, with the CloudEvents Java SDK, and validates the data of
 * every event against the JSON Schema its type names, with an independent JSON Schema validator. First it plays a
 * representative's life (appointed, consent, rectified, consent withdrawn, erased), so that the person-related types,
 * whose shape changed, are among those read whatever ran before.
 */
class EventSchemasIT {

    static final String[] TOPICS = {"taskforce.membership.v1", "taskforce.meetings.v1", "taskforce.guidance.v1"};
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventOnTheTopicsFitsTheSchemaOfItsType() throws IOException {
        String erased = playARepresentativesLife();
        Map<String, JsonSchema> schemas = new HashMap<>();
        Map<String, Integer> validated = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(events()).anySatisfy(e -> assertThat(e.getType()).endsWith("representative-erased.v1")
                        .isNotNull().satisfies(t -> assertThat(e.getSubject()).isEqualTo(MEMBER_A_ORGANISATION))));
        for (CloudEvent event : events()) {
            EventType<?> type = EventTypes.byType(event.getType()).orElse(null);
            if (type == null) {
                continue; // a type this version no longer reads (v1 profiles on an old stack)
            }
            assertThat(event.getDataSchema()).as("dataschema of %s", event.getId()).hasToString(type.dataSchema());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            JsonSchema schema = schemas.computeIfAbsent(type.schemaResource(), EventSchemasIT::schema);
            JsonNode data = JSON.readTree(event.getData().toBytes());
            for (ValidationMessage message : schema.validate(data)) {
                failures.add(event.getType() + " " + event.getId() + ": " + message.getMessage());
            }
            validated.merge(event.getType(), 1, Integer::sum);
        }
        System.out.printf("Events validated against their schemas, by type: %s%n", validated);
        assertThat(failures).as("events that do not fit their schema").isEmpty();
        assertThat(validated.keySet()).as("the person-related types were read").contains(
                EventTypes.REPRESENTATIVE_APPOINTED.type(), EventTypes.REPRESENTATIVE_UPDATED.type(),
                EventTypes.PERSONAL_DATA_WITHDRAWN.type(), EventTypes.REPRESENTATIVE_ERASED.type());
        assertThat(erased).isNotBlank();
    }

    /** Appointed, consent recorded, rectified, consent withdrawn, erased: every person-related event type once. */
    private static String playARepresentativesLife() {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        String office = token("office");
        String path = GATEWAY + "/api/v1/membership/signatories/" + MEMBER_A_ORGANISATION + "/representatives";
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("name", "Schema Person " + run, "email", "schema-" + run + "@example.org",
                        "role", "ALTERNATE", "username", "schema-" + run))
                .post(path).then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("noticeVersion", "2026-12-01")).put(path + "/" + id + "/consent").then().statusCode(200);
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("name", "Schema Person Corrected " + run, "email", "schema-" + run + "@example.org",
                        "role", "ALTERNATE", "username", "schema-" + run))
                .put(path + "/" + id).then().statusCode(200);
        RestAssured.given().auth().oauth2(office).delete(path + "/" + id + "/consent").then().statusCode(200);
        RestAssured.given().auth().oauth2(office).post(path + "/" + id + "/erasure").then().statusCode(204);
        return id;
    }

    /** Every event of the topics, from the beginning, read by a consumer that never read them before. */
    private static List<CloudEvent> events() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("taskforce.kafka", "127.0.0.1:9092"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new CloudEventDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read the topics within 60 s").isLessThan(deadline);
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(record.value());
                }
            }
        }
        return events;
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
