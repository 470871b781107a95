package eu.taskforce.guidance;

import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.ErasureRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.API;
import static eu.taskforce.guidance.Guidance.EVIDENCE;
import static eu.taskforce.guidance.Guidance.WINDOWS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's export and erasure of what guidance-service holds about their account (token subjects only), with real
 * tokens; the tables are read afterwards to show that no row names the subject any more, while the organisation's
 * feedback stays.
 */
@QuarkusTest
class PersonalDataTest extends CurrentMembersTest {

    static final String MINE = API + "/me/personal-data";
    static final String ERASURES = API + "/personal-data/erasures";

    @Inject
    EntityManager entityManager;

    /** Member B's confidential feedback (given with an Idempotency-Key, so its replay is stored) on a new window. */
    String memberBFeedback(String marker) {
        String window = Guidance.openWindow("Personal data " + marker);
        return MEMBER_B.request().header("Idempotency-Key", "feedback-" + marker)
                .body(Guidance.feedback("scope", "Feedback " + marker, "ATTRIBUTED", "CONFIDENTIAL"))
                .post(WINDOWS + "/" + window + "/feedback").then().statusCode(201).extract().path("id");
    }

    @Test
    void theExportHoldsTheCallersRowsAndNoneOfAnotherAccount() {
        String marker = UUID.randomUUID().toString();
        String feedback = memberBFeedback(marker);
        String evidence = Guidance.submit(EXPERT, Guidance.evidence("Evidence " + marker, "CONFIDENTIAL"));

        String body = MEMBER_B.request().get(MINE).then().statusCode(200).extract().asString();
        JsonPath export = JsonPath.from(body);
        assertThat(export.getString("account.username")).isEqualTo("member-b");
        assertThat(export.getList("feedback.id")).contains(feedback);
        assertThat(export.getList("feedback.text")).contains("Feedback " + marker);
        assertThat(export.getList("feedbackRevisions.feedbackId")).contains(feedback);
        assertThat(export.getList("audit.recordId")).contains(feedback);
        assertThat(export.getList("audit.subject")).containsOnly(export.getString("account.subject"));
        assertThat(body).doesNotContain(evidence).doesNotContain("Evidence " + marker);

        String expert = EXPERT.request().get(MINE).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(expert).getList("evidence.id")).contains(evidence);
        assertThat(expert).doesNotContain(feedback).doesNotContain("Feedback " + marker);
        assertThat(MEMBER_A.request().get(MINE).then().statusCode(200).extract().asString())
                .doesNotContain(feedback).doesNotContain(evidence);
        // the AI Office's own steps: it created the document and the window
        assertThat(OFFICE.request().get(MINE).then().statusCode(200).extract().jsonPath().getList("actions.role"))
                .contains("CREATED_BY");
    }

    @Test
    void theCallerErasesItsOwnDataTheOrganisationsFeedbackStaysAndASecondErasureChangesNothing() {
        String marker = UUID.randomUUID().toString();
        String feedback = memberBFeedback(marker);
        String subject = MEMBER_B.request().get(MINE).then().statusCode(200).extract().path("account.subject");
        assertThat(count("select count(*) from idempotency_key where scope like '" + subject + " %'")).isPositive();

        MEMBER_B.request().delete(MINE).then().statusCode(204);

        assertThat(count("select (select count(*) from feedback where submitted_by = '" + subject
                + "' or answered_by = '" + subject + "')"
                + " + (select count(*) from feedback_revision where changed_by = '" + subject + "')"
                + " + (select count(*) from evidence where submitted_by = '" + subject + "')"
                + " + (select count(*) from guidance_document where created_by = '" + subject + "')"
                + " + (select count(*) from guidance_version where created_by = '" + subject + "')"
                + " + (select count(*) from input_window where created_by = '" + subject + "' or closed_by = '"
                + subject + "')"
                + " + (select count(*) from audit_entry where subject = '" + subject + "')"
                + " + (select count(*) from idempotency_key where scope like '" + subject + " %')")).isZero();
        assertThat(count("select count(*) from feedback where id = '" + feedback + "' and submitted_by = 'erased'"
                + " and text = 'Feedback " + marker + "'")).as("the organisation's input stays, without its author")
                .isEqualTo(1);
        MEMBER_B.request().get(Guidance.FEEDBACK + "/" + feedback).then().statusCode(200);
        JsonPath after = MEMBER_B.request().get(MINE).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("feedback")).isEmpty();
        assertThat(after.getList("feedbackRevisions")).isEmpty();
        assertThat(after.getList("audit")).isEmpty();

        ErasureRequests.recordsNothing(() -> MEMBER_B.request().delete(MINE).then().statusCode(204));
    }

    @Test
    void theAiOfficesErasureByNameReachesReplaysThatCopyTheNameButNoSubject() {
        String marker = UUID.randomUUID().toString();
        String ghost = "ghost-" + marker.substring(0, 8);
        String subject = "subject-" + marker;
        execute("insert into idempotency_key (scope, key, fingerprint, status, body) values ('office POST "
                + EVIDENCE + "', '" + marker + "', 'f', 201, '{\"note\":\"" + ghost + "\"}')");
        execute("insert into audit_entry (id, occurred_at, subject, action, record_type, record_id) values ('"
                + UUID.randomUUID() + "', now(), '" + subject + "', 'PLANTED', 'Test', '" + UUID.randomUUID() + "')");

        OFFICE.request().body(Map.of("username", ghost.toUpperCase())).post(ERASURES).then().statusCode(204);

        assertThat(count("select count(*) from idempotency_key where key = '" + marker + "'")).isZero();
        assertThat(count("select count(*) from audit_entry where subject = '" + subject + "'"))
                .as("no row here links a subject to a name").isEqualTo(1);
        ErasureRequests.recordsNothing(() ->
                OFFICE.request().body(Map.of("username", ghost)).post(ERASURES).then().statusCode(204));
    }

    @Test
    void onlyTheAiOfficeErasesANamedAccountAndOnlyASignedInCallerItsOwn() {
        ErasureRequests.onlyTheAiOfficeErasesANamedAccountAndOnlyASignedInCallerItsOwn(ERASURES, MINE);
    }

    @Test
    void aBadErasureRequestIsAProblem() {
        ErasureRequests.badErasureRequestsAreProblems(ERASURES, List.of(Map.of("username", "a".repeat(101)),
                Map.of("username", "two words"), Map.of("username", ""), new HashMap<>()), "[1, 2");
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }
}
