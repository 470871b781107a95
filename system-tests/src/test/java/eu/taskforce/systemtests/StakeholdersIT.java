package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.linkStakeholder;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A third-party stakeholder of the register, through the gateway with real tokens: the AI Office adds it to an ad-hoc
 * group and invites it to a meeting by its register id (an unknown id is refused), the stakeholder answers with its
 * own account and attends; its account, linked to its register entry, submits evidence under its name; it then reads
 * its meetings, and the public register shows its history (groups, meetings attended, input given) while it is listed
 * publicly, and nothing once it is removed.
 */
class StakeholdersIT {

    static final String MEMBERSHIP = GATEWAY + "/api/v1/membership";
    static final String MEETINGS = GATEWAY + "/api/v1/meetings";
    static final String PUBLIC = GATEWAY + "/api/v1/public";
    static final Duration WITHIN = Duration.ofSeconds(60);

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    @Test
    void aStakeholderInvitedByItsRegisterIdAndListedInAGroupHasAHistory() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "Evaluation Institute " + run;
        String stakeholder = as("office").body(Map.of("kind", "ORGANISATION", "name", name,
                        "fieldOfExpertise", "Model evaluations", "contactEmail", "institute-" + run + "@example.org",
                        "listedPublicly", true))
                .post(MEMBERSHIP + "/stakeholders").then().statusCode(201).extract().path("id");

        // listed in an ad-hoc group, by name since it is listed publicly
        String group = as("office").body(Map.of("name", "Evaluations group " + run)).post(MEMBERSHIP + "/groups")
                .then().statusCode(201).extract().path("id");
        as("office").body(Map.of("stakeholderId", stakeholder)).post(MEMBERSHIP + "/groups/" + group + "/stakeholders")
                .then().statusCode(200).body("stakeholders[0].stakeholderId", equalTo(stakeholder))
                .body("stakeholders[0].name", equalTo(name));

        // invited by its register id, once meeting-service's replica knows it; an unknown id is refused
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
        String meeting = MEETINGS + "/" + as("office").body(Map.of("title", "Evaluations session " + run,
                        "kind", "STAKEHOLDER_SESSION", "format", "ONLINE", "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plusHours(2).toString(), "timeZone", "Europe/Brussels",
                        "joiningLink", "https://meet.example.eu/j/" + run))
                .post(MEETINGS).then().statusCode(201).extract().path("id");
        as("office").body(Map.of("username", "expert", "stakeholderId", UUID.randomUUID().toString()))
                .post(meeting + "/invitations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("stakeholderId"));
        String invitation = await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            var invited = as("office").body(Map.of("username", "expert", "stakeholderId", stakeholder))
                    .post(meeting + "/invitations");
            return invited.statusCode() == 201 ? invited.path("id").toString() : null;
        }, id -> id != null);

        // the stakeholder answers with its own account and attends
        String answer = meeting + "/invitations/" + invitation;
        String etag = as("expert").get(answer).then().statusCode(200).extract().header("ETag");
        as("expert").header("If-Match", etag).body(Map.of("response", "ACCEPTED")).put(answer + "/response")
                .then().statusCode(200);
        as("office").body(Map.of("attendingOrganisations", List.of(), "attendingIndividuals", List.of(invitation)))
                .post(meeting + "/held").then().statusCode(200);
        as("expert").get(MEETINGS + "/stakeholders/" + stakeholder + "/history").then().statusCode(200)
                .body("items[0].invitationId", equalTo(invitation)).body("items[0].response", equalTo("ACCEPTED"))
                .body("items[0].attended", equalTo(true));

        // the AI Office links the stakeholder's account to its register entry; its evidence then names it
        String evidence;
        linkStakeholder("expert", stakeholder);
        try {
            evidence = await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
                var submitted = as("expert").body(Map.of("title", "Evaluation findings " + run,
                                "summary", "What our evaluations found", "type", "EXPERT_INPUT",
                                "url", "https://example.org/findings/" + run, "codeReferences",
                                List.of("SAFETY_AND_SECURITY-3"), "visibility", "PUBLIC"))
                        .post(GATEWAY + "/api/v1/guidance/evidence"); // 403 until guidance-service's replica knows it
                return submitted.statusCode() == 201 ? submitted.path("id").toString() : null;
            }, id -> id != null);
            as("expert").get(GATEWAY + "/api/v1/guidance/evidence/" + evidence).then().statusCode(200)
                    .body("stakeholderId", equalTo(stakeholder));
        } finally {
            linkStakeholder("expert", null);
        }

        // the public register: its group, the meeting it attended and the input it gave
        String history = PUBLIC + "/stakeholders/" + stakeholder + "/history";
        JsonPath shown = await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var response = RestAssured.given().get(history);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, h -> h != null && !h.getList("meetingsAttended").isEmpty() && !h.getList("adHocGroups").isEmpty()
                && !h.getList("inputGiven").isEmpty());
        assertThat(shown.getString("stakeholder.name")).isEqualTo(name);
        assertThat(shown.getList("adHocGroups.id")).containsExactly(group);
        assertThat(shown.getString("meetingsAttended[0].title")).isEqualTo("Evaluations session " + run);
        assertThat(shown.getList("inputGiven.evidenceId")).containsExactly(evidence);
        assertThat(shown.getString("inputGiven[0].title")).isEqualTo("Evaluation findings " + run);

        // removed from the register: out of the group, and no public history any more
        String version = as("office").get(MEMBERSHIP + "/stakeholders/" + stakeholder).then().extract().header("ETag");
        as("office").header("If-Match", version).delete(MEMBERSHIP + "/stakeholders/" + stakeholder).then()
                .statusCode(204);
        as("office").get(MEMBERSHIP + "/groups/" + group).then().statusCode(200)
                .body("stakeholders.size()", equalTo(0));
        await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> RestAssured.given().get(history).statusCode() == 404);
    }
}
