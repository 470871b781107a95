package eu.taskforce.guidance;

import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.AuthorizationMatrixTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.guidance.Guidance.EVIDENCE;
import static eu.taskforce.guidance.Guidance.FEEDBACK;
import static eu.taskforce.guidance.Guidance.WINDOWS;
import static eu.taskforce.platform.testing.AuthorizationMatrix.ANYONE_SIGNED_IN;
import static eu.taskforce.platform.testing.AuthorizationMatrix.cells;
import static eu.taskforce.platform.testing.AuthorizationMatrix.get;
import static eu.taskforce.platform.testing.AuthorizationMatrix.officeOnly;
import static eu.taskforce.platform.testing.AuthorizationMatrix.post;
import static eu.taskforce.platform.testing.AuthorizationMatrix.put;
import static eu.taskforce.platform.testing.AuthorizationMatrix.putText;
import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every operation of guidance-service, called by anonymous, member A (on A's own feedback and
 * evidence), member B (on A's: PUBLIC and CONFIDENTIAL), the AI Office and a stakeholder, with real Keycloak tokens.
 * The rule for objects: one the caller may not read is a 404 (its existence is not revealed), one it may read but not
 * change is a 403. The cells of an operation run in the order written, the permitted caller last where the call changes
 * state. Every refusal must be problem+json. All mismatches are reported together.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    @Test
    void documentsVersionsWindowsAndOverviews() {
        matrix.expect("GET /documents", ANYONE_SIGNED_IN, get(DOCUMENTS));
        matrix.expect("POST /documents", officeOnly(201), post(DOCUMENTS, Guidance.document("Matrix")));
        String draft = Guidance.draft("Matrix draft");
        matrix.expect("GET /documents/{id} (a draft)", cells(ANONYMOUS, 401, MEMBER_A, 404, MEMBER_B, 404, EXPERT, 404,
                OFFICE, 200), get(DOCUMENTS + "/" + draft));
        String document = Guidance.publishedDocument("Matrix published");
        String path = DOCUMENTS + "/" + document;
        matrix.expect("GET /documents/{id}", ANYONE_SIGNED_IN, get(path));
        matrix.expect("PUT /documents/{id}", officeOnly(200), put(path, Guidance.document("Matrix renamed")));
        matrix.expect("GET /documents/{id}/versions", ANYONE_SIGNED_IN, get(path + "/versions"));
        matrix.expect("POST /documents/{id}/versions",
                officeOnly(201), post(path + "/versions", Map.of("changeNote", "v2")));
        matrix.expect("GET /documents/{id}/versions/{n} (a draft)", cells(ANONYMOUS, 401, MEMBER_A, 404, MEMBER_B, 404,
                EXPERT, 404, OFFICE, 200), get(path + "/versions/2"));
        matrix.expect("POST /documents/{id}/versions/{n}/publication",
                officeOnly(200), post(path + "/versions/2/publication", null));
        matrix.expect("GET /documents/{id}/versions/{n}", ANYONE_SIGNED_IN, get(path + "/versions/2"));
        matrix.expect("POST /documents/{id}/versions/{n}/windows", officeOnly(201), post(path + "/versions/2/windows",
                Map.of("closesAt", Guidance.inMinutes(60).toString())));
        matrix.expect("GET /documents/{id}/versions/{n}/overview",
                ANYONE_SIGNED_IN, get(path + "/versions/2/overview"));
        matrix.expect("GET /documents/{id}/sections/{key}", ANYONE_SIGNED_IN, get(path + "/sections/scope"));
        matrix.expect("GET /references/{reference}",
                ANYONE_SIGNED_IN, get(Guidance.API + "/references/SAFETY_AND_SECURITY-3"));
        matrix.expect("GET /references/editions", ANYONE_SIGNED_IN, get(Guidance.API + "/references/editions"));
        matrix.expect("GET /audit", officeOnly(200), get(Guidance.API + "/audit"));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void windowsFeedbackAndDispositions() {
        String window = Guidance.openWindow("Matrix window");
        String path = WINDOWS + "/" + window;
        matrix.expect("GET /windows", ANYONE_SIGNED_IN, get(WINDOWS));
        matrix.expect("GET /windows/{id}", ANYONE_SIGNED_IN, get(path));
        matrix.expect("POST /windows/{id}/feedback", cells(ANONYMOUS, 401, EXPERT, 403, OFFICE, 403, MEMBER_A, 201,
                MEMBER_B, 201), post(path + "/feedback", Guidance.feedback("scope", "Matrix", "ATTRIBUTED", "PUBLIC")));
        matrix.expect("GET /windows/{id}/feedback", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_A, 200, MEMBER_B, 200,
                OFFICE, 200), get(path + "/feedback"));

        String confidentialOfA = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "A's secret", "ATTRIBUTED",
                "CONFIDENTIAL"));
        String publicOfA = Guidance.give(MEMBER_A, window, Guidance.feedback(null, "A's public", "ANONYMOUS", "PUBLIC"));
        String confidential = FEEDBACK + "/" + confidentialOfA;
        String open = FEEDBACK + "/" + publicOfA;
        matrix.expect("GET /feedback/{id} (A's confidential)", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_B, 404,
                MEMBER_A, 200, OFFICE, 200), get(confidential));
        matrix.expect("GET /feedback/{id} (A's public)", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_B, 200,
                MEMBER_A, 200, OFFICE, 200), get(open));
        Map<String, Object> edit = Guidance.feedback("evaluations", "A's edit", "ATTRIBUTED", "CONFIDENTIAL");
        matrix.expect("PUT /feedback/{id} (A's confidential)",
                cells(ANONYMOUS, 401, EXPERT, 403, OFFICE, 403, MEMBER_B, 404,
                MEMBER_A, 200), put(confidential, edit));
        matrix.expect("PUT /feedback/{id} (A's public)", cells(ANONYMOUS, 401, EXPERT, 403, OFFICE, 403, MEMBER_B, 403,
                MEMBER_A, 200), put(open, Guidance.feedback(null, "A's public, edited", "ANONYMOUS", "PUBLIC")));
        matrix.expect("GET /feedback/{id}/revisions (A's confidential)",
                cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_B, 404,
                MEMBER_A, 200, OFFICE, 200), get(confidential + "/revisions"));
        matrix.expect("GET /feedback/{id}/revisions (A's public)", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_B, 403,
                MEMBER_A, 200, OFFICE, 200), get(open + "/revisions"));
        String withdrawnConfidential = Guidance.give(MEMBER_A, window, Guidance.feedback(null, "x", "ATTRIBUTED",
                "CONFIDENTIAL"));
        matrix.expect("POST /feedback/{id}/withdrawal (A's confidential)",
                cells(ANONYMOUS, 401, EXPERT, 403, OFFICE, 403,
                MEMBER_B, 404, MEMBER_A, 200), post(FEEDBACK + "/" + withdrawnConfidential + "/withdrawal", null));
        String withdrawnPublic = Guidance.give(MEMBER_A, window, Guidance.feedback(null, "y", "ATTRIBUTED", "PUBLIC"));
        matrix.expect("POST /feedback/{id}/withdrawal (A's public)", cells(ANONYMOUS, 401, EXPERT, 403, OFFICE, 403,
                MEMBER_B, 403, MEMBER_A, 200), post(FEEDBACK + "/" + withdrawnPublic + "/withdrawal", null));

        matrix.expect("POST /windows/{id}/close", officeOnly(200), post(path + "/close", null));
        Map<String, Object> answer = Map.of("disposition", "ACCEPTED", "response", "Taken up in version 2");
        matrix.expect("PUT /feedback/{id}/disposition", officeOnly(200), put(confidential + "/disposition", answer));
        OFFICE.request().get(path + "/feedback").then().statusCode(200).extract().<List<String>>path("items.id")
                .forEach(id -> OFFICE.request().body(answer).put(FEEDBACK + "/" + id + "/disposition"));
        matrix.expect("POST /windows/{id}/dispositions/publication", officeOnly(200),
                post(path + "/dispositions/publication", null));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void evidenceAndAttachments() {
        matrix.expect("GET /evidence", ANYONE_SIGNED_IN, get(EVIDENCE));
        matrix.expect("POST /evidence", cells(ANONYMOUS, 401, MEMBER_A, 201, MEMBER_B, 201, EXPERT, 201, OFFICE, 201),
                post(EVIDENCE, Guidance.evidence("Matrix", "PUBLIC")));
        String confidentialOfA = EVIDENCE + "/" + Guidance.submit(MEMBER_A, Guidance.evidence("A's", "CONFIDENTIAL"));
        String publicOfA = EVIDENCE + "/" + Guidance.submit(MEMBER_A, Guidance.evidence("A's public", "PUBLIC"));
        String ofExpert = EVIDENCE + "/" + Guidance.submit(EXPERT, Guidance.evidence("Expert's", "CONFIDENTIAL"));
        matrix.expect("GET /evidence/{id} (A's confidential)", cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404,
                MEMBER_A, 200, OFFICE, 200), get(confidentialOfA));
        matrix.expect("GET /evidence/{id} (a stakeholder's confidential)",
                cells(ANONYMOUS, 401, MEMBER_A, 404, MEMBER_B, 404,
                EXPERT, 200, OFFICE, 200), get(ofExpert));
        matrix.expect("PUT /evidence/{id}/attachment (A's confidential)",
                cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404,
                OFFICE, 403, MEMBER_A, 200), putText(confidentialOfA + "/attachment", "Findings"));
        matrix.expect("PUT /evidence/{id}/attachment (A's public)", cells(ANONYMOUS, 401, MEMBER_B, 403, EXPERT, 403,
                OFFICE, 403, MEMBER_A, 200), putText(publicOfA + "/attachment", "Findings"));
        matrix.expect("GET /evidence/{id}/attachment (A's confidential)",
                cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404,
                MEMBER_A, 200, OFFICE, 200), get(confidentialOfA + "/attachment"));
        matrix.expect("GET /evidence/{id}/attachment (A's public)", ANYONE_SIGNED_IN, get(publicOfA + "/attachment"));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void suggestedWordingAndVersionDiffs() {
        String document = Guidance.publishedDocument("Matrix wording");
        String path = DOCUMENTS + "/" + document;
        String window = Guidance.openWindow(document, 1);
        Map<String, Object> withWording = Guidance.feedback("scope", "Matrix wording", "ATTRIBUTED", "CONFIDENTIAL");
        withWording.put("proposedText", "A's proposed wording");
        matrix.expect("POST /windows/{id}/feedback (with proposedText)", cells(ANONYMOUS, 401, EXPERT, 403, OFFICE, 403,
                MEMBER_A, 201, MEMBER_B, 201), post(WINDOWS + "/" + window + "/feedback", withWording));
        matrix.expect("GET /documents/{id}/versions/{n}/sections/{key}/proposals", officeOnly(200),
                get(path + "/versions/1/sections/scope/proposals"));
        OFFICE.request().body(Map.of("changeNote", "v2")).post(path + "/versions").then().statusCode(201);
        matrix.expect("GET /documents/{id}/versions/{n}/diff (a draft)", cells(ANONYMOUS, 401, MEMBER_A, 404,
                MEMBER_B, 404, EXPERT, 404, OFFICE, 200), get(path + "/versions/2/diff?from=1"));
        OFFICE.request().post(path + "/versions/2/publication").then().statusCode(200);
        matrix.expect("GET /documents/{id}/versions/{n}/diff", ANYONE_SIGNED_IN, get(path + "/versions/2/diff?from=1"));
        assertThat(matrix.mismatches()).isEmpty();
    }
}
