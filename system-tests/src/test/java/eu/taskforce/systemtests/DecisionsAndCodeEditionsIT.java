package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.MeetingRequestIT.MEETINGS;
import static eu.taskforce.systemtests.MeetingRequestIT.as;
import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.MEMBER_B_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Through the gateway with real tokens: a decision that lacks its quorum and one that is adopted, both shown in the
 * public register with what they decide; and references to a second edition of the Code beside references to the
 * first, each keeping its meaning. The test stack loads the fixture edition 2027-03-01 (TASKFORCE_CODE_EDITIONS_DIR),
 * in which measure 3.2 of Safety and Security is retitled and a measure 3.6 is new.
 */
class DecisionsAndCodeEditionsIT {

    static final String DECISIONS = MEETINGS + "/decisions";
    static final String PUBLIC = GATEWAY + "/api/v1/public";

    @Test
    void aDecisionWithoutItsQuorumHasNoResultAndOneWithItIsAdoptedBothShownPublicly() {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        Stack.ensureMember(MEMBER_B_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // what the decisions decide: a member's meeting request (meeting-service learns the members from their topic)
        Map<String, Object> request = Map.of("topic", "Evaluation practices " + run, "rationale", "To compare notes");
        String requestId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var filed = as("member-a").body(request).post(MEETINGS + "/requests");
            return filed.statusCode() == 201 ? filed.path("id").toString() : null;
        }, id -> id != null);
        Map<String, Object> subject = Map.of("kind", "MEETING_REQUEST", "id", requestId);

        OffsetDateTime opened = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime closesAt = opened.plusSeconds(8);
        // the default quorum: half of the member organisations must take part
        String withoutQuorum = open("Accept the request without quorum " + run, null, subject, closesAt);
        // a quorum of 1 %: one organisation taking part is enough
        String adopted = open("Accept the request " + run, 1, subject, closesAt);

        vote("member-a", withoutQuorum, MEMBER_A_ORGANISATION, "YES");
        vote("member-a", adopted, MEMBER_A_ORGANISATION, "YES");
        // an abstention counts towards the quorum, not towards the majority
        vote("member-b", adopted, MEMBER_B_ORGANISATION, "ABSTAIN");

        JsonPath noQuorum = closed(withoutQuorum);
        assertThat(noQuorum.getString("result")).isEqualTo("NO_QUORUM");
        assertThat(noQuorum.getInt("quorum")).isEqualTo(50);
        assertThat(noQuorum.getInt("eligible")).isGreaterThan(2);
        assertThat(noQuorum.getInt("yes")).isEqualTo(1);
        JsonPath yes = closed(adopted);
        assertThat(yes.getString("result")).isEqualTo("ADOPTED");
        assertThat(List.of(yes.getInt("yes"), yes.getInt("no"), yes.getInt("abstain"))).containsExactly(1, 0, 1);

        // the public register: both results, the quorum asked and what they decide, without a token
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath register = RestAssured.given().queryParam("updatedSince", opened.minusMinutes(1).toString())
                    .get(PUBLIC + "/meetings/decisions")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> first = findById(register.getList("items"), withoutQuorum);
            Map<String, Object> second = findById(register.getList("items"), adopted);
            assertThat(first).containsEntry("result", "NO_QUORUM").containsEntry("quorum", 50)
                    .containsEntry("subject", Map.of("kind", "MEETING_REQUEST", "id", requestId));
            assertThat(second).containsEntry("result", "ADOPTED").containsEntry("quorum", 1)
                    .containsEntry("subject", Map.of("kind", "MEETING_REQUEST", "id", requestId));
        });
    }

    @Test
    void referencesToASecondEditionOfTheCodeStandBesideReferencesToTheFirst() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        as("member-a").get(GATEWAY + "/api/v1/guidance/references/editions").then().statusCode(200)
                .body("edition", hasItems("2025-07-10", "2027-03-01"));

        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusDays(20);
        String meetingId = as("office").body(Map.of("title", "Evaluations across editions " + run, "kind", "PLENARY",
                        "format", "ONLINE", "startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(2).toString(),
                        "timeZone", "Europe/Brussels", "joiningLink", "https://meet.example.eu/j/" + run))
                .post(MEETINGS).then().statusCode(201).extract().path("id");
        String meeting = MEETINGS + "/" + meetingId;

        // a measure that the first edition does not have is refused when that edition is named
        as("office").body(Map.of("items", List.of(item("New evaluations", "SAFETY_AND_SECURITY-3.6", "2025-07-10"))))
                .put(meeting + "/agenda").then().statusCode(400).contentType("application/problem+json");

        as("office").body(Map.of("items", List.of(
                        item("Evaluations as first written", "SAFETY_AND_SECURITY-3.2", "2025-07-10"),
                        item("Evaluations as revised", "SAFETY_AND_SECURITY-3.2", "2027-03-01"),
                        item("Independent evaluators", "SAFETY_AND_SECURITY-3.6", null))))
                .put(meeting + "/agenda").then().statusCode(200);
        as("office").post(meeting + "/agenda/publication").then().statusCode(200);
        JsonPath agenda = as("member-b").get(meeting + "/agenda").then().statusCode(200).extract().jsonPath();
        assertThat(agenda.getList("items.codeEdition", String.class))
                .containsExactly("2025-07-10", "2027-03-01", "2027-03-01");
        // the same measure keeps the title of the edition each reference names
        assertThat(agenda.getList("items.codeReferences.title.flatten()", String.class)).containsExactly(
                "Model evaluations", "Model evaluations, including post-market evaluations",
                "Evaluations by independent evaluators");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(RestAssured.given().get(PUBLIC + "/meetings/" + meetingId).then().statusCode(200)
                        .extract().jsonPath().getList("agenda.codeEdition", String.class))
                        .containsExactly("2025-07-10", "2027-03-01", "2027-03-01"));

        // the public look-up of a measure says which edition it reads
        RestAssured.given().get(PUBLIC + "/guidance/references/SAFETY_AND_SECURITY-3.6?edition=2025-07-10")
                .then().statusCode(404).contentType("application/problem+json");
        RestAssured.given().get(PUBLIC + "/guidance/references/SAFETY_AND_SECURITY-3.2?edition=2025-07-10")
                .then().statusCode(200).body("edition", equalTo("2025-07-10")).body("title", equalTo("Model evaluations"));
        RestAssured.given().get(PUBLIC + "/guidance/references/SAFETY_AND_SECURITY-3.6")
                .then().statusCode(200).body("edition", equalTo("2027-03-01"))
                .body("title", equalTo("Evaluations by independent evaluators"));
    }

    private static String open(String question, Integer quorum, Map<String, Object> subject, OffsetDateTime closesAt) {
        Map<String, Object> body = new HashMap<>(Map.of("question", question, "threshold", "UNANIMITY",
                "closesAt", closesAt.toString(), "subject", subject));
        if (quorum != null) {
            body.put("quorum", quorum);
        }
        return as("office").body(body).post(DECISIONS).then().statusCode(201).extract().path("id");
    }

    private static void vote(String user, String decision, String organisation, String choice) {
        as(user).body(Map.of("choice", choice)).put(DECISIONS + "/" + decision + "/votes/" + organisation)
                .then().statusCode(200).body("choice", equalTo(choice));
    }

    /** The decision once meeting-service has closed it (it closes due decisions every few seconds). */
    private static JsonPath closed(String decision) {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() ->
                as("office").get(DECISIONS + "/" + decision).then().statusCode(200).extract().jsonPath(),
                json -> "CLOSED".equals(json.getString("status")));
    }

    private static Map<String, Object> item(String title, String reference, String edition) {
        Map<String, Object> item = new HashMap<>(Map.of("title", title, "codeReferences", List.of(reference)));
        if (edition != null) {
            item.put("codeEdition", edition);
        }
        return item;
    }

    private static Map<String, Object> findById(List<Map<String, Object>> items, String id) {
        return items.stream().filter(item -> id.equals(item.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("Not in the register: " + id));
    }
}
