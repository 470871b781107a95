package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * A round of Taskforce input on a guidance draft, through the gateway with real tokens: the AI Office publishes a draft
 * and opens a window, two members give public and confidential feedback, the AI Office closes the window, answers every
 * item and publishes the dispositions. Member B then sees A's public items and not A's confidential one.
 * <p>
 * {@link #inputRound()} runs the round and returns what a test needs to check a view of it, so that a check of the
 * public register (transparency-service, once it serves guidance input) can reuse it.
 */
class GuidanceIT {

    static final String GUIDANCE = GATEWAY + "/api/v1/guidance";
    /** Aleph Alpha in the reference signatory list: the organisation of the demo account member-b. */
    static final String MEMBER_B_ORGANISATION = "43c8900d-3960-444a-bbeb-1ec88cc837b4";

    /** What a round of input left behind: its ids, the texts that became public and the one that must not. */
    record InputRound(String documentId, String windowId, String publicOfA, String confidentialOfA, String publicOfB,
                      String confidentialOfB, String publicTextOfA, String publicTextOfB, String confidentialMarker) {
    }

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static void ensureMember(String organisation) {
        as("office").body("{}").post(GATEWAY + "/api/v1/membership/signatories/" + organisation + "/memberships")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    /** Gives feedback, waiting until guidance-service's membership replica knows the organisation as a member. */
    static String give(String user, String window, Map<String, Object> body) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = as(user).body(body).post(GUIDANCE + "/windows/" + window + "/feedback").then().extract();
            assertThat(response.statusCode()).as(response.asString()).isIn(201, 403);
            if (response.statusCode() == 403) { // only until the replica has the membership event
                assertThat(response.<String>path("detail"))
                        .isEqualTo("Your organisation is not a current member of the Taskforce, so it cannot give input");
            }
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, id -> id != null);
    }

    static Map<String, Object> feedback(String section, String text, String attribution, String visibility) {
        return section == null ? Map.of("text", text, "attribution", attribution, "visibility", visibility)
                : Map.of("sectionKey", section, "text", text, "attribution", attribution, "visibility", visibility);
    }

    static InputRound inputRound() {
        ensureMember(MEMBER_A_ORGANISATION);
        ensureMember(MEMBER_B_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String document = as("office").body(Map.of("title", "Guidelines on model evaluations " + run,
                        "kind", "GUIDELINES", "aiActArticles", List.of("55"),
                        "codeReferences", List.of("SAFETY_AND_SECURITY-3.2")))
                .post(GUIDANCE + "/documents").then().statusCode(201).extract().path("id");
        as("office").body(Map.of("changeNote", "Draft for the Taskforce", "sections", List.of(
                        Map.of("key", "scope", "title", "Scope", "text", "Which models"),
                        Map.of("key", "evaluations", "title", "Model evaluations", "text", "How to evaluate"))))
                .post(GUIDANCE + "/documents/" + document + "/versions").then().statusCode(201);
        as("office").post(GUIDANCE + "/documents/" + document + "/versions/1/publication").then().statusCode(200);
        String window = as("office").body(Map.of("closesAt",
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString()))
                .post(GUIDANCE + "/documents/" + document + "/versions/1/windows").then().statusCode(201)
                .extract().path("id");

        String marker = "MISTRAL-AI-CONFIDENTIAL-" + run; // A's confidential text: B must never see it
        String publicTextOfA = "Mistral AI on scope " + run;
        String publicTextOfB = "Aleph Alpha on evaluations " + run;
        String publicOfA = give("member-a", window, feedback("scope", publicTextOfA, "ATTRIBUTED", "PUBLIC"));
        String confidentialOfA = give("member-a", window, feedback("evaluations", marker, "ATTRIBUTED", "CONFIDENTIAL"));
        String publicOfB = give("member-b", window, feedback("evaluations", publicTextOfB, "ANONYMOUS", "PUBLIC"));
        String confidentialOfB = give("member-b", window, feedback(null, "Aleph Alpha in confidence " + run, "ATTRIBUTED",
                "CONFIDENTIAL"));

        as("office").post(GUIDANCE + "/windows/" + window + "/close").then().statusCode(200);
        for (String item : List.of(publicOfA, confidentialOfA, publicOfB, confidentialOfB)) {
            as("office").body(Map.of("disposition", "PARTIALLY_ACCEPTED", "response", "Partly reflected in version 2"))
                    .put(GUIDANCE + "/feedback/" + item + "/disposition").then().statusCode(200);
        }
        as("office").post(GUIDANCE + "/windows/" + window + "/dispositions/publication").then().statusCode(200);
        return new InputRound(document, window, publicOfA, confidentialOfA, publicOfB, confidentialOfB,
                publicTextOfA, publicTextOfB, marker);
    }

    @Test
    void membersSeeEachOthersPublicInputAndTheirOwnButNeverAnotherOrganisationsConfidentialInput() {
        InputRound round = inputRound();
        String feedbackOfWindow = GUIDANCE + "/windows/" + round.windowId() + "/feedback";

        String seenByB = as("member-b").get(feedbackOfWindow).then().statusCode(200).extract().asString();
        List<String> idsSeenByB = io.restassured.path.json.JsonPath.from(seenByB).getList("items.id");
        assertThat(idsSeenByB).containsExactly(round.publicOfA(), round.publicOfB(), round.confidentialOfB());
        assertThat(seenByB).contains(round.publicTextOfA()).doesNotContain(round.confidentialMarker());
        as("member-b").get(GUIDANCE + "/feedback/" + round.confidentialOfA()).then().statusCode(404)
                .contentType("application/problem+json");
        as("member-b").get(GUIDANCE + "/feedback/" + round.publicOfA()).then().statusCode(200);

        List<String> idsSeenByA = as("member-a").get(feedbackOfWindow).then().statusCode(200).extract()
                .path("items.id");
        assertThat(idsSeenByA).containsExactly(round.publicOfA(), round.confidentialOfA(), round.publicOfB());
        // B's public item is anonymous: A does not learn whose it is
        as("member-a").get(GUIDANCE + "/feedback/" + round.publicOfB()).then().statusCode(200)
                .body("organisationId", org.hamcrest.Matchers.nullValue())
                .body("disposition", is("PARTIALLY_ACCEPTED"));
        List<String> idsSeenByOffice = as("office").get(feedbackOfWindow).then().statusCode(200).extract()
                .path("items.id");
        assertThat(idsSeenByOffice).hasSize(4);

        // the overview counts every item, the confidential ones included, without their content
        as("member-b").get(GUIDANCE + "/documents/" + round.documentId() + "/versions/1/overview").then()
                .statusCode(200).body("items", is(4)).body("dispositionsPublished", is(true));
        // nobody without a token reads anything of it
        RestAssured.given().get(feedbackOfWindow).then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * The same round as the public sees it in the register (transparency-service, from guidance-service's events):
     * exactly the public items, with their dispositions, and the confidential ones only as counts. Polls gently: the
     * gateway's public rate limit is shared by every test.
     */
    @Test
    void thePublicRegisterShowsThePublicFeedbackWithItsDispositionAndNothingConfidential() {
        InputRound round = inputRound();
        String register = GATEWAY + "/api/v1/public/guidance";
        List<Map<String, Object>> items = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> RestAssured.given().queryParam("documentId", round.documentId())
                        .get(register + "/feedback").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("items"), l -> l.size() == 2);
        assertThat(items).extracting(i -> i.get("id")).containsExactly(round.publicOfA(), round.publicOfB());
        assertThat(items).extracting(i -> i.get("text")).containsExactly(round.publicTextOfA(), round.publicTextOfB());
        assertThat(items).extracting(i -> i.get("disposition")).containsOnly("PARTIALLY_ACCEPTED");
        assertThat(items).extracting(i -> i.get("response")).containsOnly("Partly reflected in version 2");
        assertThat(items.get(0).get("organisationId")).isEqualTo(MEMBER_A_ORGANISATION);
        assertThat(items.get(1).get("organisationId")).as("B's item is anonymous").isNull();

        var document = RestAssured.get(register + "/documents/" + round.documentId()).then().statusCode(200).extract();
        String version = document.path("versions[0].id");
        var overview = RestAssured.get(register + "/versions/" + version + "/overview").then().statusCode(200)
                .extract();
        assertThat(overview.<Integer>path("publicItems")).isEqualTo(2);
        assertThat(overview.<Integer>path("confidentialItems")).isEqualTo(2);
        assertThat(overview.<Integer>path("byDisposition.PARTIALLY_ACCEPTED")).isEqualTo(4);

        List<String> answers = new java.util.ArrayList<>(List.of(document.asString(), overview.asString()));
        for (String path : List.of("/guidance/feedback?limit=500", "/guidance/feedback.csv",
                "/guidance/windows?documentId=" + round.documentId(), "/guidance/documents?limit=500",
                "/guidance/references/SAFETY_AND_SECURITY-3.2", "/search?limit=500&q=" + round.confidentialMarker(),
                "/search?limit=500&q=evaluations", "/register/feed.atom")) {
            answers.add(RestAssured.get(GATEWAY + "/api/v1/public" + path).then().statusCode(200).extract().asString());
        }
        assertThat(String.join("\n", answers)).contains(round.publicTextOfA()).contains(round.publicTextOfB());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(round.confidentialMarker())
                .doesNotContain("Aleph Alpha in confidence"));
    }
}
