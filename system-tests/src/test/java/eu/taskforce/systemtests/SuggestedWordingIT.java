package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.GuidanceIT.GUIDANCE;
import static eu.taskforce.systemtests.GuidanceIT.MEMBER_B_ORGANISATION;
import static eu.taskforce.systemtests.GuidanceIT.as;
import static eu.taskforce.systemtests.GuidanceIT.ensureMember;
import static eu.taskforce.systemtests.GuidanceIT.give;
import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Suggested wording through the gateway with real tokens: a member proposes a replacement for a section in
 * confidence, another in public; the AI Office sees both side by side with the section, the other member not the
 * confidential one; version 2 is compared with version 1 in the API and, once published, in the public register.
 */
class SuggestedWordingIT {

    @Test
    void proposalsSideBySideAndVersionsComparedInTheApiAndTheRegister() {
        ensureMember(MEMBER_A_ORGANISATION);
        ensureMember(MEMBER_B_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String document = as("office").body(Map.of("title", "Guidelines on wording " + run, "kind", "GUIDELINES"))
                .post(GUIDANCE + "/documents").then().statusCode(201).extract().path("id");
        String versions = GUIDANCE + "/documents/" + document + "/versions";
        as("office").body(Map.of("sections", List.of(
                        Map.of("key", "scope", "title", "Scope", "text", "These guidelines apply to all providers."),
                        Map.of("key", "annex", "title", "Annex", "text", "Examples.")))).post(versions)
                .then().statusCode(201);
        as("office").post(versions + "/1/publication").then().statusCode(200);
        String window = as("office").body(Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString()))
                .post(versions + "/1/windows").then().statusCode(201).extract().path("id");

        String secretWording = "These guidelines apply to providers of models with systemic risk " + run + ".";
        give("member-a", window, proposal("CONFIDENTIAL", secretWording));
        String publicItem = give("member-b", window, proposal("PUBLIC", "These guidelines apply to all providers in the Union."));

        JsonPath sideBySide = as("office").get(versions + "/1/sections/scope/proposals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sideBySide.getString("section.text")).isEqualTo("These guidelines apply to all providers.");
        assertThat(sideBySide.<String>getList("items.proposedText")).containsExactlyInAnyOrder(secretWording,
                "These guidelines apply to all providers in the Union.");
        assertThat(sideBySide.<String>getList("items.diff.op.flatten()")).contains("DELETE", "INSERT");
        as("member-b").get(versions + "/1/sections/scope/proposals").then().statusCode(403);
        assertThat(as("member-b").get(GUIDANCE + "/windows/" + window + "/feedback").then().statusCode(200).extract()
                .asString()).doesNotContain(secretWording);
        as("member-a").get(GUIDANCE + "/feedback/" + publicItem).then().statusCode(200);

        as("office").body(Map.of("changeNote", "After the Taskforce's input", "sections", List.of(
                        Map.of("key", "scope", "title", "Scope", "text", "These guidelines apply to all providers in the Union."),
                        Map.of("key", "reporting", "title", "Reporting", "text", "Report yearly.")))).post(versions)
                .then().statusCode(201);
        as("office").post(versions + "/2/publication").then().statusCode(200);
        JsonPath inApi = as("member-a").queryParam("from", 1).get(versions + "/2/diff").then().statusCode(200)
                .extract().jsonPath();
        assertThat(inApi.<String>getList("sections.change")).containsExactly("CHANGED", "ADDED", "REMOVED");

        String inRegister = GATEWAY + "/api/v1/public/guidance/documents/" + document + "/versions/2/diff";
        String register = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                        RestAssured.given().queryParam("from", 1).get(inRegister).then().extract(),
                response -> response.statusCode() == 200).asString();
        assertThat(JsonPath.from(register).<Object>get("sections")).isEqualTo(inApi.get("sections"));
        RestAssured.given().queryParam("from", 1).get(GATEWAY + "/api/v1/public/guidance/documents/" + document
                + "/versions/3/diff").then().statusCode(404).contentType("application/problem+json");
    }

    private static Map<String, Object> proposal(String visibility, String wording) {
        Map<String, Object> body = new HashMap<>(GuidanceIT.feedback("scope", "Our wording", "ATTRIBUTED", visibility));
        body.put("proposedText", wording);
        return body;
    }
}
