package eu.taskforce.meeting;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.KafkaRecords;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Minutes DRAFT → IN_REVIEW (the attendees comment) → APPROVED, then the public summary with the confidential annex and
 * the public list of withheld parts; no confidential text ever reaches Kafka.
 */
@QuarkusTest
class MinutesAndSummaryTest extends CurrentMembersTest {

    static final String ATTENDEES_ONLY = "Only the AI Office and representatives of the organisations that attended "
            + "may read this";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Test
    void minutesAreReviewedByTheAttendeesAndTheSummaryWithholdsTheAnnexWithItsReasons() {
        String marker = "CONFIDENTIAL-" + UUID.randomUUID();
        String id = convene(meeting("PLENARY", inDays(0).minusHours(3), "link-" + marker));
        String minutes = MEETINGS + "/" + id + "/minutes";
        String summary = MEETINGS + "/" + id + "/summary";
        OFFICE.request().body(Map.of("text", "Too early")).put(minutes).then().statusCode(409)
                .body("detail", equalTo("The meeting is SCHEDULED; minutes are written for a meeting held, before its "
                        + "summary is published"));
        Meetings.hold(id, List.of(ORG_A));

        // DRAFT: the AI Office only
        MEMBER_A.request().body(Map.of("text", "x")).put(minutes).then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        OFFICE.request().body(Map.of("text", "")).put(minutes).then().statusCode(400).body("errors.field", hasItem("text"));
        OFFICE.request().body(Map.of("text", "Minutes draft " + marker)).put(minutes).then().statusCode(201)
                .body("status", equalTo("DRAFT")).header("ETag", "\"0\"");
        OFFICE.request().header("If-Match", "\"5\"").body(Map.of("text", "Stale")).put(minutes).then().statusCode(412)
                .body("detail", containsString("The record has changed since you read it"));
        OFFICE.request().header("If-Match", "\"0\"").body(Map.of("text", "Minutes " + marker)).put(minutes)
                .then().statusCode(200).body("text", equalTo("Minutes " + marker));
        MEMBER_A.request().get(minutes).then().statusCode(404).contentType("application/problem+json");
        MEMBER_B.request().get(minutes).then().statusCode(403)
                .body("detail", equalTo(ATTENDEES_ONLY));
        EXPERT.request().get(minutes).then().statusCode(403)
                .body("detail", equalTo(ATTENDEES_ONLY));
        MEMBER_A.request().body(Map.of("text", "early")).post(minutes + "/comments").then().statusCode(409)
                .body("detail", equalTo("The minutes are DRAFT; comments are taken while they are IN_REVIEW"));
        OFFICE.request().body(Map.of("summary", "We met.")).post(summary).then().statusCode(409)
                .body("detail", equalTo("The minutes are DRAFT; the summary is published from approved minutes"));
        OFFICE.request().post(minutes + "/approval").then().statusCode(409)
                .body("detail", equalTo("The minutes are DRAFT; only minutes IN_REVIEW become APPROVED"));

        // IN_REVIEW: the attendees' representatives read and comment
        OFFICE.request().post(minutes + "/review").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        OFFICE.request().post(minutes + "/review").then().statusCode(409)
                .body("detail", equalTo("The minutes are IN_REVIEW; only minutes DRAFT become IN_REVIEW"));
        MEMBER_A.request().get(minutes).then().statusCode(200).body("text", equalTo("Minutes " + marker));
        MEMBER_B.request().get(minutes).then().statusCode(403)
                .body("detail", equalTo(ATTENDEES_ONLY));
        MEMBER_A.request().body(Map.of("text", " ")).post(minutes + "/comments").then().statusCode(400);
        MEMBER_A.request().body(Map.of("text", "Our comment " + marker)).post(minutes + "/comments").then().statusCode(201)
                .body("organisationId", equalTo(ORG_A.toString()));
        MEMBER_B.request().body(Map.of("text", "Not there")).post(minutes + "/comments").then().statusCode(403)
                .body("detail", equalTo("Only representatives of the organisations that attended comment on the "
                        + "minutes"));
        EXPERT.request().body(Map.of("text", "Not a member")).post(minutes + "/comments").then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        OFFICE.request().body(Map.of("text", "The office")).post(minutes + "/comments").then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        OFFICE.request().get(minutes + "/comments").then().statusCode(200).body("items.text", hasItem("Our comment " + marker));
        MEMBER_A.request().get(minutes + "/comments").then().statusCode(200).body("items.size()", equalTo(1));
        MEMBER_B.request().get(minutes + "/comments").then().statusCode(403)
                .body("detail", equalTo(ATTENDEES_ONLY));

        // APPROVED: frozen
        OFFICE.request().post(minutes + "/approval").then().statusCode(200).body("status", equalTo("APPROVED"));
        OFFICE.request().body(Map.of("text", "Changed")).put(minutes).then().statusCode(409)
                .body("detail", equalTo("The minutes are approved; they no longer change"));
        MEMBER_A.request().body(Map.of("text", "late")).post(minutes + "/comments").then().statusCode(409)
                .body("detail", equalTo("The minutes are APPROVED; comments are taken while they are IN_REVIEW"));

        // the summary: the annex withholds parts, listed with their reasons
        String annex = "Annex " + marker;
        OFFICE.request().body(Map.of("summary", "We met.", "confidentialAnnex", annex)).post(summary)
                .then().statusCode(400).body("errors.field", hasItem("withheldParts"));
        OFFICE.request().body(Map.of("summary", "We met.", "withheldParts",
                        List.of(Map.of("title", "Compute prices", "reason", "COMMERCIALLY_CONFIDENTIAL"))))
                .post(summary).then().statusCode(400).body("errors.field", hasItem("confidentialAnnex"));
        OFFICE.request().body(Map.of("summary", "We met.", "confidentialAnnex", annex, "withheldParts",
                        List.of(Map.of("title", "Compute prices", "reason", "TOP_SECRET"))))
                .post(summary).then().statusCode(400).body("errors[0].field", equalTo("withheldParts[0].reason"));
        OFFICE.request().body(Map.of("summary", "We met.", "confidentialAnnex", annex, "withheldParts",
                        List.of(Map.of("title", "", "reason", "SECURITY"))))
                .post(summary).then().statusCode(400).body("errors[0].field", equalTo("withheldParts[0].title"));
        MEMBER_A.request().get(summary).then().statusCode(404);
        MEMBER_A.request().body(Map.of("summary", "By a member")).post(summary).then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        OFFICE.request().body(Map.of("summary", "The Taskforce discussed evaluations.", "confidentialAnnex", annex,
                        "withheldParts", List.of(
                                Map.of("title", "Compute prices of a member", "reason", "COMMERCIALLY_CONFIDENTIAL"),
                                Map.of("title", "Red-teaming findings", "reason", "SECURITY"))))
                .post(summary).then().statusCode(201)
                .body("withheldParts.reason", equalTo(List.of("COMMERCIALLY_CONFIDENTIAL", "SECURITY")));
        OFFICE.request().body(Map.of("summary", "Again")).post(summary).then().statusCode(409)
                .body("detail", equalTo("A meeting that is SUMMARY_PUBLISHED cannot become SUMMARY_PUBLISHED"));
        MEMBER_B.request().get(MEETINGS + "/" + id).then().statusCode(200).body("status", equalTo("SUMMARY_PUBLISHED"));
        EXPERT.request().get(summary).then().statusCode(200)
                .body("summary", equalTo("The Taskforce discussed evaluations."))
                .body("withheldParts.title", equalTo(List.of("Compute prices of a member", "Red-teaming findings")))
                .body(not(containsString(marker)));
        MEMBER_A.request().get(summary + "/annex").then().statusCode(200).body("confidentialAnnex", equalTo(annex));
        OFFICE.request().get(summary + "/annex").then().statusCode(200);
        MEMBER_B.request().get(summary + "/annex").then().statusCode(403)
                .body("detail", equalTo(ATTENDEES_ONLY));
        EXPERT.request().get(summary + "/annex").then().statusCode(403)
                .body("detail", equalTo(ATTENDEES_ONLY));

        // Kafka: the meeting held with its attendance and the summary with the withheld parts; no confidential text
        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(id), r -> r.size() >= 3);
        assertThat(ServiceEvents.types(events)).containsExactly(EventTypes.MEETING_CONVENED.type(),
                EventTypes.MEETING_HELD.type(), EventTypes.SUMMARY_PUBLISHED.type());
        assertThat(events.get(1).value()).contains(ORG_A.toString()).contains("Mistral AI");
        assertThat(events.get(2).value()).contains("Red-teaming findings").contains("\"reason\":\"SECURITY\"")
                .contains("The Taskforce discussed evaluations.");
        List<ConsumerRecord<String, String>> everything = KafkaRecords.readAll(bootstrapServers,
                topicPrefix + Topics.MEETINGS);
        assertThat(everything).isNotEmpty().allSatisfy(r -> assertThat(r.value()).doesNotContain(marker));
    }
}
