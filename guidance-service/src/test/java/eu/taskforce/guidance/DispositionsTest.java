package eu.taskforce.guidance;

import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.guidance.Guidance.FEEDBACK;
import static eu.taskforce.guidance.Guidance.WINDOWS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Dispositions: answered only after the window closes, published together only when every item not withdrawn has one
 * (409 saying how many are missing), unchangeable afterwards; members see them once published. Also the overview per
 * version (items per section and per disposition, a confidential item on its section only for its organisation and
 * the AI Office) and per commitment or measure.
 */
@QuarkusTest
class DispositionsTest extends CurrentMembersTest {

    @Test
    void dispositionsArePublishedTogetherOnceEveryItemIsAnswered() {
        String document = Guidance.publishedDocument("Dispositions");
        String window = Guidance.openWindow(document, 1);
        String one = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "One", "ATTRIBUTED", "PUBLIC"));
        String two = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "Two", "ATTRIBUTED", "CONFIDENTIAL"));
        String three = Guidance.give(MEMBER_B, window, Guidance.feedback(null, "Three", "ANONYMOUS", "PUBLIC"));
        String withdrawn = Guidance.give(MEMBER_B, window, Guidance.feedback(null, "Gone", "ANONYMOUS", "PUBLIC"));
        MEMBER_B.request().post(FEEDBACK + "/" + withdrawn + "/withdrawal").then().statusCode(200);

        Map<String, Object> accepted = Map.of("disposition", "ACCEPTED", "response", "Done");
        OFFICE.request().body(accepted).put(FEEDBACK + "/" + one + "/disposition").then().statusCode(409)
                .body("detail", containsString("still open"));
        String publication = WINDOWS + "/" + window + "/dispositions/publication";
        OFFICE.request().post(publication).then().statusCode(409)
                .body("detail", equalTo("The window is still open; dispositions are published after it closes"));
        Guidance.close(window);

        OFFICE.request().body(Map.of("disposition", "MAYBE", "response", "x")).put(FEEDBACK + "/" + one + "/disposition")
                .then().statusCode(400).body("errors[0].field", equalTo("disposition"));
        OFFICE.request().body(Map.of("disposition", "ACCEPTED", "response", " ")).put(FEEDBACK + "/" + one + "/disposition")
                .then().statusCode(400).body("errors[0].field", equalTo("response"));
        OFFICE.request().body(accepted).put(FEEDBACK + "/" + withdrawn + "/disposition").then().statusCode(409)
                .body("detail", equalTo("The feedback was withdrawn; it needs no disposition"));
        Guidance.answer(one, "ACCEPTED");
        OFFICE.request().post(publication).then().statusCode(409)
                .body("detail", containsString("2 items are not answered"));
        Guidance.answer(two, "NOT_TAKEN_UP");
        OFFICE.request().post(publication).then().statusCode(409).body("detail", containsString("1 item is"));
        // before publication, members see no dispositions, the AI Office sees them
        MEMBER_A.request().get(FEEDBACK + "/" + one).then().body("disposition", nullValue());
        OFFICE.request().get(FEEDBACK + "/" + one).then().body("disposition", equalTo("ACCEPTED"));
        Guidance.answer(three, "OUT_OF_SCOPE");

        OFFICE.request().post(publication).then().statusCode(200).body("dispositionsPublishedAt", notNullValue());
        OFFICE.request().post(publication).then().statusCode(409)
                .body("detail", equalTo("The dispositions of this window are published already"));
        OFFICE.request().body(accepted).put(FEEDBACK + "/" + three + "/disposition").then().statusCode(409)
                .body("detail", containsString("published"));
        MEMBER_B.request().get(WINDOWS + "/" + window + "/feedback").then().statusCode(200)
                .body("items.id", equalTo(List.of(one, three, withdrawn)))
                .body("items.disposition", equalTo(java.util.Arrays.asList("ACCEPTED", "OUT_OF_SCOPE", null)))
                .body("items.find { it.id == '" + one + "' }.response", equalTo("Thank you: ACCEPTED"));
        MEMBER_A.request().get(FEEDBACK + "/" + two).then().body("disposition", equalTo("NOT_TAKEN_UP"));

        // the overview: items per section (withdrawn ones not counted) and per disposition, now for everyone; A's
        // confidential item is on a section for A only, in the totals for B
        MEMBER_B.request().get(DOCUMENTS + "/" + document + "/versions/1/overview").then().statusCode(200)
                .body("items", equalTo(3)).body("confidentialItems", equalTo(1))
                .body("dispositionsPublished", equalTo(true))
                .body("sections.key", equalTo(java.util.Arrays.asList("scope", "evaluations", "reporting", null)))
                .body("sections.items", equalTo(List.of(1, 0, 0, 1)))
                .body("sections[0].byDisposition.ACCEPTED", equalTo(1))
                .body("sections[0].byDisposition.NOT_TAKEN_UP", equalTo(0))
                .body("sections[3].byDisposition.OUT_OF_SCOPE", equalTo(1))
                .body("confidentialByDisposition.NOT_TAKEN_UP", equalTo(1));
        MEMBER_A.request().get(DOCUMENTS + "/" + document + "/versions/1/overview").then().statusCode(200)
                .body("sections.items", equalTo(List.of(2, 0, 0, 1)))
                .body("sections[0].confidentialItems", equalTo(1))
                .body("sections[0].byDisposition.NOT_TAKEN_UP", equalTo(1));
    }

    @Test
    void theOverviewHidesDispositionsFromMembersUntilPublished() {
        String document = Guidance.publishedDocument("Overview before publication");
        String window = Guidance.openWindow(document, 1);
        String item = Guidance.give(MEMBER_A, window, Guidance.feedback("reporting", "Hm", "ATTRIBUTED", "CONFIDENTIAL"));
        Guidance.close(window);
        Guidance.answer(item, "PARTIALLY_ACCEPTED");
        String overview = DOCUMENTS + "/" + document + "/versions/1/overview";
        MEMBER_A.request().get(overview).then().body("sections[2].items", equalTo(1))
                .body("sections.byDisposition", everyItem(nullValue()))
                .body("byDisposition", nullValue()).body("confidentialByDisposition", nullValue());
        MEMBER_B.request().get(overview).then().body("confidentialItems", equalTo(1))
                .body("confidentialByDisposition", nullValue());
        OFFICE.request().get(overview).then().body("sections[2].byDisposition.PARTIALLY_ACCEPTED", equalTo(1))
                .body("confidentialByDisposition.PARTIALLY_ACCEPTED", equalTo(1));
    }

    @Test
    void aConfidentialItemsSectionIsKnownOnlyToItsOrganisationAndTheAiOffice() {
        String document = Guidance.publishedDocument("Where confidential input is");
        String window = Guidance.openWindow(document, 1);
        String publicOfA = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "P1", "ATTRIBUTED", "PUBLIC"));
        String onReporting = Guidance.give(MEMBER_A, window,
                Guidance.feedback("reporting", "C1", "ATTRIBUTED", "CONFIDENTIAL"));
        String onWholeVersion = Guidance.give(MEMBER_A, window, Guidance.feedback(null, "C2", "ANONYMOUS", "CONFIDENTIAL"));
        String publicOfB = Guidance.give(MEMBER_B, window, Guidance.feedback(null, "P2", "ATTRIBUTED", "PUBLIC"));
        String onEvaluations = Guidance.give(MEMBER_B, window,
                Guidance.feedback("evaluations", "C3", "ATTRIBUTED", "CONFIDENTIAL"));
        String overview = DOCUMENTS + "/" + document + "/versions/1/overview";

        // rows: scope, evaluations, reporting, the whole version; the totals are everyone's
        overviewOf(MEMBER_B, overview, List.of(1, 1, 0, 1), List.of(0, 1, 0, 0));
        overviewOf(EXPERT, overview, List.of(1, 0, 0, 1), List.of(0, 0, 0, 0));
        overviewOf(MEMBER_A, overview, List.of(1, 0, 1, 2), List.of(0, 0, 1, 1));
        overviewOf(OFFICE, overview, List.of(1, 1, 1, 2), List.of(0, 1, 1, 1));
        MEMBER_B.request().get(overview).then().body("byDisposition", nullValue())
                .body("sections.byDisposition", everyItem(nullValue()));

        Guidance.close(window);
        Guidance.answer(publicOfA, "ACCEPTED");
        Guidance.answer(onReporting, "NOT_TAKEN_UP");
        Guidance.answer(onWholeVersion, "PARTIALLY_ACCEPTED");
        Guidance.answer(publicOfB, "OUT_OF_SCOPE");
        Guidance.answer(onEvaluations, "ACCEPTED");
        Guidance.Office.publishDispositions(window);

        // after publication a disposition is counted on a section only where the item is shown
        for (Actors caller : List.of(MEMBER_B, EXPERT, MEMBER_A, OFFICE)) {
            caller.request().get(overview).then().statusCode(200)
                    .body("byDisposition", equalTo(Map.of("ACCEPTED", 2, "PARTIALLY_ACCEPTED", 1, "NOT_TAKEN_UP", 1,
                            "OUT_OF_SCOPE", 1)))
                    .body("confidentialByDisposition", equalTo(Map.of("ACCEPTED", 1, "PARTIALLY_ACCEPTED", 1,
                            "NOT_TAKEN_UP", 1, "OUT_OF_SCOPE", 0)));
        }
        MEMBER_B.request().get(overview).then()
                .body("sections.byDisposition.ACCEPTED", equalTo(List.of(1, 1, 0, 0)))
                .body("sections.byDisposition.NOT_TAKEN_UP", equalTo(List.of(0, 0, 0, 0)))
                .body("sections.byDisposition.PARTIALLY_ACCEPTED", equalTo(List.of(0, 0, 0, 0)))
                .body("sections.byDisposition.OUT_OF_SCOPE", equalTo(List.of(0, 0, 0, 1)));
        EXPERT.request().get(overview).then()
                .body("sections.byDisposition.ACCEPTED", equalTo(List.of(1, 0, 0, 0)))
                .body("sections.byDisposition.NOT_TAKEN_UP", equalTo(List.of(0, 0, 0, 0)))
                .body("sections.byDisposition.PARTIALLY_ACCEPTED", equalTo(List.of(0, 0, 0, 0)))
                .body("sections.byDisposition.OUT_OF_SCOPE", equalTo(List.of(0, 0, 0, 1)));
        MEMBER_A.request().get(overview).then()
                .body("sections.byDisposition.ACCEPTED", equalTo(List.of(1, 0, 0, 0)))
                .body("sections.byDisposition.NOT_TAKEN_UP", equalTo(List.of(0, 0, 1, 0)))
                .body("sections.byDisposition.PARTIALLY_ACCEPTED", equalTo(List.of(0, 0, 0, 1)))
                .body("sections.byDisposition.OUT_OF_SCOPE", equalTo(List.of(0, 0, 0, 1)));
        OFFICE.request().get(overview).then()
                .body("sections.byDisposition.ACCEPTED", equalTo(List.of(1, 1, 0, 0)))
                .body("sections.byDisposition.NOT_TAKEN_UP", equalTo(List.of(0, 0, 1, 0)))
                .body("sections.byDisposition.PARTIALLY_ACCEPTED", equalTo(List.of(0, 0, 0, 1)))
                .body("sections.byDisposition.OUT_OF_SCOPE", equalTo(List.of(0, 0, 0, 1)));
    }

    /** The caller's rows (items and confidential items per row) and the version's totals, which are everyone's. */
    private static void overviewOf(Actors caller, String overview, List<Integer> items, List<Integer> confidential) {
        caller.request().get(overview).then().statusCode(200)
                .body("sections.key", equalTo(java.util.Arrays.asList("scope", "evaluations", "reporting", null)))
                .body("sections.items", equalTo(items))
                .body("sections.confidentialItems", equalTo(confidential))
                .body("sections.publicItems", equalTo(List.of(1, 0, 0, 1)))
                .body("items", equalTo(5)).body("publicItems", equalTo(2)).body("confidentialItems", equalTo(3));
    }

    @Test
    void aCommitmentListsTheGuidanceAndEvidenceLinkedToItOrItsMeasures() {
        String document = Guidance.publishedDocument("Linked to evaluations");
        String draft = Guidance.draft("Draft linked to evaluations");
        String evidence = Guidance.submit(MEMBER_A, Guidance.evidence("Evaluation study", "PUBLIC"));
        String secret = Guidance.submit(MEMBER_A, Guidance.evidence("Secret evaluation study", "CONFIDENTIAL"));
        String reference = Guidance.API + "/references/SAFETY_AND_SECURITY-3";
        MEMBER_B.request().get(reference).then().statusCode(200).body("title", equalTo("Systemic risk analysis"))
                .body("documents.id", org.hamcrest.Matchers.hasItem(document))
                .body("documents.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(draft)))
                .body("evidence.id", org.hamcrest.Matchers.hasItem(evidence))
                .body("evidence.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(secret)));
        MEMBER_A.request().get(Guidance.API + "/references/SAFETY_AND_SECURITY-3.2").then().statusCode(200)
                .body("evidence.id", org.hamcrest.Matchers.hasItems(evidence, secret));
        OFFICE.request().get(reference).then().body("documents.id", org.hamcrest.Matchers.hasItems(document, draft));
        MEMBER_A.request().get(Guidance.API + "/references/SAFETY_AND_SECURITY-11").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    /**
     * The module tests load a later edition of the Code (2027-03-01, with a measure 3.6) beside the 2025-07-10 one: a
     * reference names its edition, and a later edition changes neither what an earlier reference means nor where it
     * is listed.
     */
    @Test
    void aReferenceNamesItsEditionAndALaterEditionLeavesEarlierReferencesAlone() {
        String tag = " " + UUID.randomUUID();
        Map<String, Object> earlier = Guidance.evidence("Under the first edition" + tag, "PUBLIC");
        earlier.put("codeEdition", "2025-07-10");
        String first = Guidance.submit(MEMBER_A, earlier);
        Map<String, Object> later = Guidance.evidence("Under the later edition" + tag, "PUBLIC");
        later.put("codeReferences", List.of("SAFETY_AND_SECURITY-3.2", "SAFETY_AND_SECURITY-3.6"));
        String current = Guidance.submit(MEMBER_A, later); // no edition named: the current one
        MEMBER_A.request().get(Guidance.API + "/evidence/" + first).then().body("codeEdition", equalTo("2025-07-10"));
        MEMBER_A.request().get(Guidance.API + "/evidence/" + current).then().body("codeEdition", equalTo("2027-03-01"));

        MEMBER_B.request().get(Guidance.API + "/references/editions").then().statusCode(200)
                .body("edition", equalTo(List.of("2025-07-10", "2027-03-01")))
                .body("current", equalTo(List.of(false, true))).body("[0].measures", equalTo(40));
        MEMBER_B.request().queryParam("edition", "2025-07-10").get(Guidance.API + "/references/SAFETY_AND_SECURITY-3.2")
                .then().statusCode(200).body("edition", equalTo("2025-07-10")).body("title", equalTo("Model evaluations"))
                .body("evidence.id", org.hamcrest.Matchers.hasItem(first))
                .body("evidence.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(current)));
        MEMBER_B.request().get(Guidance.API + "/references/SAFETY_AND_SECURITY-3.2").then().statusCode(200)
                .body("edition", equalTo("2027-03-01"))
                .body("title", equalTo("Model evaluations, including post-market evaluations"))
                .body("evidence.id", org.hamcrest.Matchers.hasItem(current))
                .body("evidence.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(first)));
        MEMBER_B.request().queryParam("edition", "2025-07-10").get(Guidance.API + "/references/SAFETY_AND_SECURITY-3.6")
                .then().statusCode(404).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        MEMBER_B.request().queryParam("edition", "2024-01-01").get(Guidance.API + "/references/SAFETY_AND_SECURITY-3")
                .then().statusCode(404).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        MEMBER_B.request().queryParam("edition", "July").get(Guidance.API + "/references/SAFETY_AND_SECURITY-3")
                .then().statusCode(400).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));

        // a reference of the later edition is not one of the first; an edition that is not loaded is named as such
        Map<String, Object> mismatched = Guidance.evidence("Mismatched" + tag, "PUBLIC");
        mismatched.put("codeEdition", "2025-07-10");
        mismatched.put("codeReferences", List.of("SAFETY_AND_SECURITY-3.6"));
        MEMBER_A.request().body(mismatched).post(Guidance.API + "/evidence").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("codeReferences[0]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("(2025-07-10)"));
        mismatched.put("codeEdition", "2024-01-01");
        MEMBER_A.request().body(mismatched).post(Guidance.API + "/evidence").then().statusCode(400)
                .body("errors[0].field", equalTo("codeEdition"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("2025-07-10, 2027-03-01"));
        mismatched.put("codeEdition", "10 July 2025");
        MEMBER_A.request().body(mismatched).post(Guidance.API + "/evidence").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("codeEdition"));
    }
}
