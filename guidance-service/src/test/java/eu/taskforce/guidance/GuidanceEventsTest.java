package eu.taskforce.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.KafkaRecords;
import eu.taskforce.platform.testing.MembershipFeed;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.FEEDBACK;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The events on the real {@code test.} guidance topic: what each carries, keyed by its aggregate, and never any
 * confidential text. A marker planted in confidential feedback (and in a confidential evidence submission) must appear
 * in no record of the topic, while the public text of the same window does appear once published.
 */
@QuarkusTest
class GuidanceEventsTest extends CurrentMembersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Test
    void theTopicCarriesThePublicProjectionAndNeverConfidentialText() throws Exception {
        String marker = "CONFIDENTIAL-MARKER-" + UUID.randomUUID();
        String publicText = "Public remark " + UUID.randomUUID();
        String document = Guidance.publishedDocument("Events " + marker.substring(0, 8));
        String window = Guidance.openWindow(document, 1);
        java.util.Map<String, Object> confidentialWithWording = Guidance.feedback("scope", marker + " pricing",
                "ATTRIBUTED", "CONFIDENTIAL");
        confidentialWithWording.put("proposedText", marker + " suggested wording");
        String secret = Guidance.give(MEMBER_A, window, confidentialWithWording);
        String open = Guidance.give(MEMBER_B, window, Guidance.feedback("evaluations", publicText, "ATTRIBUTED", "PUBLIC"));
        String anonymous = Guidance.give(MEMBER_A, window, Guidance.feedback(null, "Anonymous remark", "ANONYMOUS",
                "PUBLIC"));
        // a public item made confidential: its id travels (so that a register can drop it), its new text never
        MEMBER_A.request().body(Guidance.feedback(null, marker + " after all", "ANONYMOUS", "CONFIDENTIAL"))
                .put(FEEDBACK + "/" + anonymous).then().statusCode(200);
        String evidence = Guidance.submit(EXPERT, Guidance.evidence("Open study", "PUBLIC"));
        Guidance.submit(MEMBER_A, Guidance.evidence(marker + " study", "CONFIDENTIAL"));
        Guidance.close(window);
        Guidance.answer(secret, "NOT_TAKEN_UP");
        Guidance.answer(open, "ACCEPTED");
        Guidance.answer(anonymous, "NOT_TAKEN_UP");
        Guidance.Office.publishDispositions(window);

        String topic = topicPrefix + Topics.GUIDANCE;
        List<ConsumerRecord<String, String>> records = ServiceEvents.await(bootstrapServers, topic,
                Set.of(document, window, evidence), r -> ServiceEvents.types(r)
                        .contains(EventTypes.DISPOSITIONS_PUBLISHED.type()) && ServiceEvents.types(r)
                        .contains(EventTypes.EVIDENCE_SUBMITTED.type()));
        assertThat(ServiceEvents.types(records.stream().filter(r -> r.key().equals(document)).toList()))
                .containsExactly(EventTypes.DOCUMENT_PUBLISHED.type(), EventTypes.VERSION_PUBLISHED.type());
        List<ConsumerRecord<String, String>> ofWindow = records.stream().filter(r -> r.key().equals(window)).toList();
        assertThat(ServiceEvents.types(ofWindow)).containsExactly(EventTypes.WINDOW_OPENED.type(),
                EventTypes.FEEDBACK_SUBMITTED.type(), EventTypes.FEEDBACK_SUBMITTED.type(),
                EventTypes.FEEDBACK_SUBMITTED.type(), EventTypes.FEEDBACK_UPDATED.type(),
                EventTypes.WINDOW_CLOSED.type(), EventTypes.DISPOSITIONS_PUBLISHED.type());
        ofWindow.forEach(r -> assertThat(KafkaRecords.header(r, CloudEvents.HEADER_SUBJECT)).isEqualTo(window));

        JsonNode version = JSON.readTree(records.stream().filter(r -> r.key().equals(document)).toList().get(1).value());
        assertThat(version.get("sections").findValuesAsText("key")).containsExactly("scope", "evaluations", "reporting");
        assertThat(version.get("sections").findValuesAsText("text")).as("a version this short carries its text")
                .containsExactly("The text of Scope", "The text of Model evaluations", "The text of Reporting");

        JsonNode confidential = JSON.readTree(ofWindow.get(1).value());
        assertThat(confidential.get("visibility").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(confidential.get("feedbackId").isNull()).isTrue();
        assertThat(confidential.get("sectionKey").isNull()).isTrue();
        assertThat(confidential.has("organisationId")).isFalse();
        assertThat(confidential.get("confidentialItems").asInt()).isEqualTo(1);
        JsonNode attributed = JSON.readTree(ofWindow.get(2).value());
        assertThat(attributed.get("feedbackId").asText()).isEqualTo(open);
        assertThat(attributed.get("attribution").asText()).isEqualTo("ATTRIBUTED");
        assertThat(attributed.has("organisationId")).as("the attribution may still change").isFalse();
        assertThat(attributed.has("organisationName")).isFalse();
        assertThat(attributed.get("sectionTitle").asText()).isEqualTo("Model evaluations");
        JsonNode anonymousNotice = JSON.readTree(ofWindow.get(3).value());
        assertThat(anonymousNotice.get("attribution").asText()).isEqualTo("ANONYMOUS");
        assertThat(anonymousNotice.has("organisationId")).isFalse();
        JsonNode madeConfidential = JSON.readTree(ofWindow.get(4).value());
        assertThat(madeConfidential.get("feedbackId").asText()).isEqualTo(anonymous);
        assertThat(madeConfidential.get("visibility").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(madeConfidential.get("publicItems").asInt()).isEqualTo(1);
        assertThat(madeConfidential.get("confidentialItems").asInt()).isEqualTo(2);
        JsonNode closed = JSON.readTree(ofWindow.get(5).value());
        assertThat(closed.get("closedEarly").asBoolean()).isTrue();

        JsonNode published = JSON.readTree(ofWindow.get(6).value());
        assertThat(published.get("documentTitle").asText()).startsWith("Events ");
        assertThat(published.get("items")).hasSize(1);
        assertThat(published.get("items").get(0).get("text").asText()).isEqualTo(publicText);
        assertThat(published.get("items").get(0).get("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(published.get("items").get(0).get("organisationName").asText()).isEqualTo("Aleph Alpha");
        assertThat(published.get("confidential").findValuesAsText("disposition"))
                .containsExactly("ACCEPTED", "PARTIALLY_ACCEPTED", "NOT_TAKEN_UP", "OUT_OF_SCOPE");
        assertThat(published.get("confidential").get(2).get("count").asInt()).isEqualTo(2);
        // every payload is a valid record of its type
        ofWindow.forEach(r -> EventTypes.byType(ServiceEvents.type(r)).ifPresent(t -> EventJson.read(r.value(),
                t.payloadClass())));

        // the marker is nowhere on the topic: not in a value, a key or a header, of any record
        List<ConsumerRecord<String, String>> everything = KafkaRecords.readAll(bootstrapServers, topic);
        assertThat(everything).isNotEmpty().noneSatisfy(r -> {
            assertThat(String.valueOf(r.value()) + r.key()).contains(marker.substring(0, 20));
        });
        assertThat(everything).allSatisfy(r -> r.headers().forEach(h ->
                assertThat(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(marker)));
        assertThat(everything.stream().filter(r -> r.value().contains(publicText))).isNotEmpty();
        assertThat(records.stream().filter(r -> r.key().equals(evidence)).toList()).hasSize(1);
    }

    @Test
    void aMalformedMembershipRecordGoesToThisServicesDeadLetterTopic() {
        UUID organisation = UUID.randomUUID();
        feed.send(new ProducerRecord<>(feed.topic, organisation.toString(), "{\"signatoryId\": \"" + organisation + "\"}"));
        feed.member(organisation, "Dead letter AI");
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> KafkaRecords.readAll(bootstrapServers,
                        feed.topic + ".dlq.guidance").stream().anyMatch(r -> organisation.toString().equals(r.key())));
        assertThat(feed.isMember(organisation)).isTrue();
    }
}
