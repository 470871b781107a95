package eu.taskforce.membership;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class SignatoryResourceTest {

    static final String SIGNATORIES = "/api/v1/membership/signatories";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String body(String name) {
        return "{\"name\":\"" + name + "\",\"country\":\"FR\",\"chapters\":[\"SAFETY_AND_SECURITY\"],\"signedOn\":\"2025-08-01\"}";
    }

    @Test
    void anonymousCallersAreRefusedWithAProblem() {
        given().contentType(ContentType.JSON).body(body("Anon AI")).post(SIGNATORIES)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    @TestSecurity(user = "member-a", roles = "member")
    void aMemberCannotRegisterASignatory() {
        given().contentType(ContentType.JSON).body(body("Member AI " + UUID.randomUUID())).post(SIGNATORIES)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "office", roles = "ai-office")
    void badInputIsAProblemWithFieldErrorsAndStoresNothing() {
        String name = "Invalid AI " + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"country\":\"France\",\"chapters\":[],\"signedOn\":\"2025-08-01\"}")
                .post(SIGNATORIES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("country")).body("errors.field", hasItem("chapters"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"country\":\"FR\",\"chapters\":[\"ROBOTICS\"],\"signedOn\":\"2025-08-01\"}")
                .post(SIGNATORIES).then().statusCode(400).body("errors[0].field", equalTo("chapters[0]"));
        given().contentType(ContentType.JSON).body("{\"name\":").post(SIGNATORIES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("valid JSON"));
        given().contentType(ContentType.TEXT).body(body(name)).post(SIGNATORIES)
                .then().statusCode(415).contentType("application/problem+json");
        // nothing was stored: the same name registers fine afterwards
        given().contentType(ContentType.JSON).body(body(name)).post(SIGNATORIES).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "office", roles = "ai-office")
    void registeringAndJoiningEmitEventsAndJoiningTwiceIsAConflict() {
        String id = given().contentType(ContentType.JSON).body(body("Event AI " + UUID.randomUUID()))
                .post(SIGNATORIES).then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        given().contentType(ContentType.JSON).body("{}").post(SIGNATORIES + "/" + id + "/memberships")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{}").post(SIGNATORIES + "/" + id + "/memberships")
                .then().statusCode(409).contentType("application/problem+json");
        given().get(SIGNATORIES + "/" + UUID.randomUUID()).then().statusCode(404);
        given().get(SIGNATORIES + "/" + id + "/memberships").then().statusCode(200).body("size()", equalTo(1));

        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "membership-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("test." + Topics.MEMBERSHIP));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        seen.add(r);
                    }
                });
                return seen.size() >= 2;
            });
        }
        assertThat(seen).extracting(r -> header(r, CloudEvents.HEADER_TYPE))
                .containsExactly(EventTypes.SIGNATORY_REGISTERED.type(), EventTypes.MEMBERSHIP_STARTED.type());
        assertThat(seen).allSatisfy(r -> {
            assertThat(header(r, CloudEvents.HEADER_SUBJECT)).isEqualTo(id);
            assertThat(header(r, CloudEvents.HEADER_SOURCE)).isEqualTo("/taskforce/membership-service");
            assertThat(header(r, CloudEvents.HEADER_ID)).isNotBlank();
        });
        assertThat(seen.get(0).value()).contains("\"chapters\":[\"SAFETY_AND_SECURITY\"]");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
