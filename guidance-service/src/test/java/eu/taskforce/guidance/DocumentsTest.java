package eu.taskforce.guidance;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Guidance documents and versions: bad input is a 400 problem naming the field (an unknown commitment or measure by
 * name), sections keep their identity through their keys from one version to the next, drafts stay the AI Office's,
 * and the API conventions (ETag/If-Match, Idempotency-Key, cursor pagination, updatedSince) hold.
 */
@QuarkusTest
class DocumentsTest {

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    @Test
    void badDocumentsAreRefusedWithAProblemNamingTheField() {
        Map<String, Object> good = Guidance.document("Bad input");
        OFFICE.request().body(with(good, "codeReferences", List.of("SAFETY_AND_SECURITY-3.2", "COPYRIGHT-9")))
                .post(DOCUMENTS).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("codeReferences[1]"))
                .body("errors[0].message", containsString("COPYRIGHT-9"));
        OFFICE.request().body(with(good, "title", " ")).post(DOCUMENTS).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        OFFICE.request().body(with(good, "kind", "MEMO")).post(DOCUMENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("kind")).body("errors[0].message", containsString("GUIDELINES"));
        OFFICE.request().body(with(good, "aiActArticles", List.of("fifty-three"))).post(DOCUMENTS).then()
                .statusCode(400).body("errors[0].field", equalTo("aiActArticles[0]"));
        OFFICE.request().body(with(good, "publicConsultation", Map.of("opensOn", "2026-05-01", "closesOn", "2026-06-01",
                "url", "javascript:alert(1)"))).post(DOCUMENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("publicConsultation.url"));
        OFFICE.request().body(with(good, "publicConsultation", Map.of("opensOn", "2026-06-01", "closesOn", "2026-05-01",
                "url", "https://ec.europa.eu/consultation"))).post(DOCUMENTS).then().statusCode(400)
                .body("detail", containsString("closesOn"));
        OFFICE.request().body("{\"title\": ").post(DOCUMENTS).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        OFFICE.request().body(Map.of()).post(DOCUMENTS).then().statusCode(400).body("errors.field", hasItem("kind"));
    }

    @Test
    void aSectionKeepsItsIdentityThroughItsKeyFromOneVersionToTheNext() {
        String document = Guidance.publishedDocument("Section keys");
        // version 2 declares nothing: it copies the sections of version 1
        Guidance.addVersion(document, null);
        OFFICE.request().get(DOCUMENTS + "/" + document + "/versions/2").then().statusCode(200)
                .body("sections.key", equalTo(List.of("scope", "evaluations", "reporting")))
                .body("status", equalTo("DRAFT"));
        // version 3 reorders, renames one section and adds another; same key = same section
        Guidance.addVersion(document, List.of(Guidance.section("evaluations", "Evaluations of models"),
                Guidance.section("scope", "Scope"), Guidance.section("incidents", "Serious incidents")));
        Guidance.publish(document, 2);
        Guidance.publish(document, 3);
        MEMBER_B.request().get(DOCUMENTS + "/" + document + "/sections/evaluations").then().statusCode(200)
                .body("versions.versionNumber", equalTo(List.of(1, 2, 3)))
                .body("versions.title", equalTo(List.of("Model evaluations", "Model evaluations", "Evaluations of models")))
                .body("versions.position", equalTo(List.of(2, 2, 1)));
        MEMBER_B.request().get(DOCUMENTS + "/" + document + "/sections/reporting").then().statusCode(200)
                .body("versions.versionNumber", equalTo(List.of(1, 2)));
        MEMBER_B.request().get(DOCUMENTS + "/" + document + "/sections/nothing").then().statusCode(404);
    }

    @Test
    void badVersionsAreRefused() {
        String document = Guidance.draft("Bad versions");
        String versions = DOCUMENTS + "/" + document + "/versions";
        OFFICE.request().body(Map.of("changeNote", "no sections")).post(versions).then().statusCode(400)
                .body("detail", containsString("sections"));
        OFFICE.request().body(Map.of("sections", List.of(Guidance.section("scope", "A"), Guidance.section("scope", "B"))))
                .post(versions).then().statusCode(400).body("detail", containsString("sections[1].key"));
        OFFICE.request().body(Map.of("sections", List.of(Map.of("key", "Not A Key", "title", "T", "text", "x"))))
                .post(versions).then().statusCode(400).body("errors[0].field", equalTo("sections[0].key"));
        OFFICE.request().body(Map.of("sections", List.of(Map.of("key", "ok", "title", "", "text", "x"))))
                .post(versions).then().statusCode(400).body("errors[0].field", equalTo("sections[0].title"));
        OFFICE.request().post(DOCUMENTS + "/" + UUID.randomUUID() + "/versions/1/publication").then().statusCode(404);
        Guidance.addVersion(document, Guidance.sections());
        Guidance.publish(document, 1);
        OFFICE.request().post(versions + "/1/publication").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("Version 1 is published already"));
    }

    @Test
    void draftsAreTheAiOfficesUntilTheFirstVersionIsPublished() {
        String document = Guidance.draft("Drafts");
        Guidance.addVersion(document, Guidance.sections());
        MEMBER_B.request().get(DOCUMENTS + "/" + document).then().statusCode(404);
        MEMBER_B.request().queryParam("limit", 500).get(DOCUMENTS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(document)));
        OFFICE.request().get(DOCUMENTS + "/" + document).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("publishedAt", nullValue());
        Guidance.publish(document, 1);
        MEMBER_B.request().get(DOCUMENTS + "/" + document).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue());
    }

    @Test
    void updatesNeedTheCurrentETagAndRecordThePublicConsultation() {
        String document = Guidance.publishedDocument("ETags");
        String path = DOCUMENTS + "/" + document;
        String etag = Guidance.etag(OFFICE, path);
        Map<String, Object> body = with(Guidance.document("ETags renamed"), "publicConsultation",
                Map.of("opensOn", "2026-09-01", "closesOn", "2026-10-15", "url", "https://ec.europa.eu/consultation/1"));
        OFFICE.request().header("If-Match", "\"999\"").body(body).put(path).then().statusCode(412)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("The record has changed since you read it"));
        OFFICE.request().header("If-Match", etag).body(body).put(path).then().statusCode(200)
                .body("title", equalTo("ETags renamed"))
                .body("publicConsultation.closesOn", equalTo("2026-10-15"));
        OFFICE.request().header("If-Match", etag).body(body).put(path).then().statusCode(412)
                .body("detail", containsString("The record has changed since you read it"));
    }

    @Test
    void anIdempotencyKeyMakesARetrySafe() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Guidance.document("Idempotent " + key);
        String first = OFFICE.request().header("Idempotency-Key", key).body(body).post(DOCUMENTS)
                .then().statusCode(201).extract().path("id");
        OFFICE.request().header("Idempotency-Key", key).body(body).post(DOCUMENTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        OFFICE.request().header("Idempotency-Key", key).body(Guidance.document("Other")).post(DOCUMENTS)
                .then().statusCode(422);
    }

    @Test
    void listsArePagedWithACursorAndALinkAndSyncWithUpdatedSince() {
        String since = Guidance.inMinutes(0).minusSeconds(2).toString();
        String a = Guidance.publishedDocument("Page A");
        String b = Guidance.publishedDocument("Page B");
        var first = MEMBER_B.request().queryParam("limit", 1).queryParam("updatedSince", since).get(DOCUMENTS)
                .then().statusCode(200).extract();
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("cursor=");
        String cursor = first.path("nextCursor");
        List<String> seen = new java.util.ArrayList<>(first.<List<String>>path("items.id"));
        while (cursor != null) {
            var next = MEMBER_B.request().queryParam("limit", 1).queryParam("updatedSince", since)
                    .queryParam("cursor", cursor).get(DOCUMENTS).then().statusCode(200).extract();
            seen.addAll(next.<List<String>>path("items.id"));
            cursor = next.path("nextCursor");
        }
        assertThat(seen).contains(a, b).doesNotHaveDuplicates();
        MEMBER_B.request().queryParam("cursor", "garbage!").get(DOCUMENTS).then().statusCode(400);
        MEMBER_B.request().queryParam("limit", 0).get(DOCUMENTS).then().statusCode(400);
        MEMBER_B.request().queryParam("updatedSince", "yesterday").get(DOCUMENTS).then().statusCode(400)
                .body("detail", containsString("updatedSince"));
        MEMBER_B.request().queryParam("kind", "MEMO").get(DOCUMENTS).then().statusCode(400);
    }
}
