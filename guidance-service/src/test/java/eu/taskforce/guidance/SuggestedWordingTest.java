package eu.taskforce.guidance;

import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.guidance.Guidance.FEEDBACK;
import static eu.taskforce.guidance.Guidance.WINDOWS;
import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Suggested wording (a replacement text proposed with section-level feedback), the AI Office's view of a section
 * side by side with the proposals for it, and the comparison of two versions section by section.
 */
@QuarkusTest
class SuggestedWordingTest extends CurrentMembersTest {

    private static Map<String, Object> proposal(String visibility, String text, String proposedText) {
        Map<String, Object> body = Guidance.feedback("scope", text, "ATTRIBUTED", visibility);
        body.put("proposedText", proposedText);
        return body;
    }

    @Test
    void aProposalIsStoredWithItsFeedbackAndKeptInItsHistory() {
        String window = Guidance.openWindow("Wording stored");
        String id = Guidance.give(MEMBER_A, window, proposal("PUBLIC", "Narrower, please", "The text of the scope."));
        MEMBER_A.request().get(FEEDBACK + "/" + id).then().statusCode(200)
                .body("proposedText", equalTo("The text of the scope."));
        String etag = Guidance.etag(MEMBER_A, FEEDBACK + "/" + id);
        MEMBER_A.request().header("If-Match", etag).body(proposal("PUBLIC", "Narrower still", "  Only the scope.  "))
                .put(FEEDBACK + "/" + id).then().statusCode(200).body("proposedText", equalTo("Only the scope."));
        assertThat(MEMBER_A.request().get(FEEDBACK + "/" + id + "/revisions").then().statusCode(200).extract()
                .<List<String>>path("items.proposedText")).containsExactly("The text of the scope.", "Only the scope.");
        MEMBER_A.request().get(WINDOWS + "/" + window + "/feedback").then().statusCode(200)
                .body("items[0].proposedText", equalTo("Only the scope."));
        assertThat(MEMBER_A.request().get(Guidance.API + "/me/personal-data").then().statusCode(200).extract()
                .<List<String>>path("feedback.proposedText")).contains("Only the scope.");
    }

    @Test
    void aProposalIsBoundedAndOnlyOnASection() {
        String window = Guidance.openWindow("Wording bounds");
        String path = WINDOWS + "/" + window + "/feedback";
        MEMBER_A.request().body(proposal("PUBLIC", "Too long", "x".repeat(50_001))).post(path).then().statusCode(400)
                .contentType("application/problem+json").body(containsString("proposedText"));
        Map<String, Object> wholeVersion = Guidance.feedback(null, "On everything", "ATTRIBUTED", "PUBLIC");
        wholeVersion.put("proposedText", "A new document");
        MEMBER_A.request().body(wholeVersion).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("proposedText"));
        MEMBER_A.request().body(proposal("PUBLIC", "Blank", "   ")).post(path).then().statusCode(400)
                .body("detail", containsString("proposedText"));
        Guidance.give(MEMBER_A, window, proposal("PUBLIC", "At the limit", "y".repeat(50_000)));
    }

    @Test
    void aProposalIsReadByWhoeverMayReadItsFeedback() {
        String window = Guidance.openWindow("Wording visibility");
        String confidential = FEEDBACK + "/" + Guidance.give(MEMBER_A, window,
                proposal("CONFIDENTIAL", "Our reasons", "A's confidential wording"));
        String open = FEEDBACK + "/" + Guidance.give(MEMBER_A, window, proposal("PUBLIC", "Public", "A's public wording"));

        OFFICE.request().get(confidential).then().statusCode(200).body("proposedText", equalTo("A's confidential wording"));
        MEMBER_A.request().get(confidential).then().statusCode(200).body("proposedText", equalTo("A's confidential wording"));
        MEMBER_B.request().get(confidential).then().statusCode(404).body(org.hamcrest.Matchers.not(containsString("wording")));
        EXPERT.request().get(confidential).then().statusCode(403);
        ANONYMOUS.request().get(confidential).then().statusCode(401);

        MEMBER_B.request().get(open).then().statusCode(200).body("proposedText", equalTo("A's public wording"));
        assertThat(MEMBER_B.request().get(WINDOWS + "/" + window + "/feedback").then().statusCode(200).extract()
                .<List<String>>path("items.proposedText")).containsExactly("A's public wording");
    }

    @Test
    void theAiOfficeSeesTheProposalsSideBySideWithTheSection() {
        String document = Guidance.draft("Side by side");
        Guidance.addVersion(document, List.of(Map.of("key", "scope", "title", "Scope",
                "text", "These guidelines apply to all providers of general-purpose AI models."),
                Guidance.section("annex", "Annex")));
        Guidance.publish(document, 1);
        String window = Guidance.openWindow(document, 1);
        Guidance.give(MEMBER_A, window, proposal("CONFIDENTIAL", "Too broad",
                "These guidelines apply to providers of general-purpose AI models with systemic risk."));
        Guidance.give(MEMBER_B, window, proposal("PUBLIC", "Clearer",
                "These guidelines apply to all providers of general-purpose AI models placed on the market."));
        String withdrawn = Guidance.give(MEMBER_B, window, proposal("PUBLIC", "Changed my mind", "Nothing."));
        MEMBER_B.request().header("If-Match", Guidance.etag(MEMBER_B, FEEDBACK + "/" + withdrawn))
                .post(FEEDBACK + "/" + withdrawn + "/withdrawal").then().statusCode(200);
        Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "A remark without wording", "ATTRIBUTED", "PUBLIC"));
        String path = DOCUMENTS + "/" + document + "/versions/1/sections/scope/proposals";

        JsonPath first = OFFICE.request().queryParam("limit", 1).get(path).then().statusCode(200)
                .header("Link", containsString("rel=\"next\"")).extract().jsonPath();
        assertThat(first.getString("section.text"))
                .isEqualTo("These guidelines apply to all providers of general-purpose AI models.");
        assertThat(first.getString("windowId")).isEqualTo(window);
        assertThat(first.getString("items[0].organisationName")).isEqualTo("Mistral AI");
        assertThat(first.getString("items[0].visibility")).isEqualTo("CONFIDENTIAL");
        assertThat(first.<String>getList("items[0].diff.op")).containsExactly("EQUAL", "DELETE", "EQUAL", "INSERT",
                "EQUAL");
        assertThat(first.<String>getList("items[0].diff.text")).containsExactly("These guidelines apply to ", "all ",
                "providers of general-purpose AI models", " with systemic risk", ".");

        JsonPath second = OFFICE.request().queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get(path).then().statusCode(200).extract().jsonPath();
        assertThat(second.<String>getList("items.proposedText")).containsExactly(
                "These guidelines apply to all providers of general-purpose AI models placed on the market.");
        assertThat(second.<String>getList("items[0].diff.op")).containsExactly("EQUAL", "INSERT", "EQUAL");
        assertThat(second.getString("nextCursor")).isNull();

        OFFICE.request().get(DOCUMENTS + "/" + document + "/versions/1/sections/annex/proposals").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        OFFICE.request().get(DOCUMENTS + "/" + document + "/versions/1/sections/nowhere/proposals").then()
                .statusCode(404).contentType("application/problem+json");
        OFFICE.request().queryParam("limit", 21).get(path).then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().get(path).then().statusCode(403);
    }

    @Test
    void aVersionIsComparedWithAnEarlierOneSectionBySection() {
        String document = Guidance.publishedDocument("Compared");
        Guidance.addVersion(document, List.of(
                Map.of("key", "scope", "title", "Scope", "text", "The text of Scope, narrowed"),
                Map.of("key", "annex", "title", "Annex", "text", "A new annex"),
                Guidance.section("reporting", "Reporting")));
        String path = DOCUMENTS + "/" + document + "/versions/2/diff";

        MEMBER_A.request().queryParam("from", 1).get(path).then().statusCode(404)
                .contentType("application/problem+json"); // version 2 is a draft
        JsonPath diff = OFFICE.request().queryParam("from", 1).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(diff.getInt("fromVersion")).isEqualTo(1);
        assertThat(diff.getInt("toVersion")).isEqualTo(2);
        assertThat(diff.getBoolean("coarse")).isFalse();
        assertThat(diff.<String>getList("sections.key")).containsExactly("scope", "annex", "reporting", "evaluations");
        assertThat(diff.<String>getList("sections.change")).containsExactly("CHANGED", "ADDED", "UNCHANGED", "REMOVED");
        assertThat(diff.<String>getList("sections[0].segments.op")).containsExactly("EQUAL", "INSERT");
        assertThat(diff.<String>getList("sections[0].segments.text")).containsExactly("The text of Scope", ", narrowed");
        assertThat(diff.getString("sections[1].segments[0].text")).isEqualTo("A new annex");
        assertThat(diff.getString("sections[2].segments")).isNull();
        assertThat(diff.getString("sections[3].segments[0].op")).isEqualTo("DELETE");
        assertThat(diff.getInt("sections[3].previousPosition")).isEqualTo(2);

        Guidance.publish(document, 2);
        MEMBER_A.request().queryParam("from", 1).get(path).then().statusCode(200)
                .body("sections[0].change", equalTo("CHANGED"));
        EXPERT.request().queryParam("from", 2).get(DOCUMENTS + "/" + document + "/versions/1/diff").then()
                .statusCode(200).body("sections[1].change", equalTo("ADDED")).body("sections[3].change", equalTo("REMOVED"));
        MEMBER_A.request().get(path).then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().queryParam("from", 9).get(path).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
