package eu.taskforce.guidance;

import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.HostileBodies;
import eu.taskforce.platform.testing.HostileBodies.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.guidance.Guidance.EVIDENCE;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.HostileBodies.withHugeArray;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the bodies that ran guidance-service out of heap (a 2 MB array of 190,000 short strings sent to evidence or
 * documents), deep nesting and a very long string, each answered with a small 400 problem+json naming the field; the
 * service stays live. Run with the module's small heap (its own surefire execution, -Xmx160m in the pom).
 */
@QuarkusTest
class HostileBodiesTest {

    @TestHTTPResource("/")
    URI base;

    Answer post(Actors actor, String path, String body) throws IOException, InterruptedException {
        return HostileBodies.post(base, actor, path, body);
    }

    static final String EVIDENCE_FIELDS = "\"title\":\"Hostile\",\"summary\":\"s\",\"type\":\"RESEARCH\","
            + "\"url\":\"https://example.org/p\",\"visibility\":\"PUBLIC\"";
    static final String DOCUMENT_FIELDS = "\"title\":\"Hostile\",\"kind\":\"GUIDELINES\"";

    @AfterEach
    void theServiceIsStillLive() {
        given().get("/q/health/live").then().statusCode(200);
    }

    private static Answer refused(Answer answer, String field, String message) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getList("errors.field")).isEqualTo(List.of(field));
        assertThat(answer.json().getString("errors[0].message")).isEqualTo(message);
        return answer;
    }

    @Test
    void aHugeArrayOfCodeReferencesInEvidenceIsRefusedAsOneError() throws Exception {
        Answer answer = refused(post(MEMBER_A, EVIDENCE, withHugeArray(EVIDENCE_FIELDS, "codeReferences", 190_000)),
                "codeReferences", "must have at most 60 items");
        System.out.printf("evidence: %d-byte body, %d-byte problem in %d ms%n", answer.sentLength(),
                answer.body().length(), answer.millis());
        assertThat(answer.sentLength()).isGreaterThan(1_900_000);
        assertThat(answer.body().length()).isLessThan(1_000);
    }

    @Test
    void aHugeArrayInADocumentIsRefusedAsOneError() throws Exception {
        for (String field : List.of("aiActArticles", "codeReferences")) {
            Answer answer = refused(post(OFFICE, DOCUMENTS, withHugeArray(DOCUMENT_FIELDS, field, 190_000)), field,
                    "must have at most " + ("aiActArticles".equals(field) ? 30 : 60) + " items");
            System.out.printf("documents %s: %d-byte body, %d-byte problem in %d ms%n", field, answer.sentLength(),
                    answer.body().length(), answer.millis());
            assertThat(answer.body().length()).isLessThan(1_000);
        }
    }

    @Test
    void justOverTheSizeIsRefusedBeforeTheElementsAreValidated() throws Exception {
        // 61 references that are not of the Code: one error for the list, none for its elements
        refused(post(MEMBER_A, EVIDENCE, withHugeArray(EVIDENCE_FIELDS, "codeReferences", 61)), "codeReferences",
                "must have at most 60 items");
        // 60 such references: each is invalid, the problem lists 20 of them and counts all
        Answer sixty = post(MEMBER_A, EVIDENCE, withHugeArray(EVIDENCE_FIELDS, "codeReferences", 60));
        assertThat(sixty.status()).isEqualTo(400);
        assertThat(sixty.json().getString("detail")).isEqualTo("60 fields are invalid (the first 20 are listed)");
        assertThat(sixty.json().getList("errors")).hasSize(20);
    }

    @Test
    void deepNestingAndAVeryLongStringAreRefusedByTheParser() throws Exception {
        Answer deep = post(MEMBER_A, EVIDENCE, "{" + EVIDENCE_FIELDS + ",\"extra\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.contentType()).startsWith("application/problem+json");
        assertThat(deep.json().getString("type")).isEqualTo("urn:taskforce:problem:json-limit");
        assertThat(deep.json().getString("detail")).contains("nesting depth");
        Answer longSummary = post(MEMBER_A, EVIDENCE, "{" + EVIDENCE_FIELDS.replace("\"summary\":\"s\"",
                "\"summary\":\"" + "x".repeat(1_900_000) + "\"") + "}");
        assertThat(longSummary.status()).isEqualTo(400);
        assertThat(longSummary.contentType()).startsWith("application/problem+json");
        assertThat(longSummary.json().getString("type")).isEqualTo("urn:taskforce:problem:json-limit");
        assertThat(longSummary.json().getString("errors[0].field")).isEqualTo("summary");
    }
}
