package eu.taskforce.meeting;

import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Cursor pagination with Link headers, updatedSince, Idempotency-Key and the audit trail on the meetings API. */
@QuarkusTest
class ApiConventionsTest extends CurrentMembersTest {

    @Test
    void listsArePagedWithACursorAndALinkToTheNextPage() {
        // three meetings in a window of their own, far from what other tests convene
        OffsetDateTime window = OffsetDateTime.of(2031, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusMinutes(UUID.randomUUID().getLeastSignificantBits() & 0xFFFFF);
        String first = convene(meeting("AD_HOC_GROUP", window.plusMinutes(1), "page"));
        String second = convene(meeting("AD_HOC_GROUP", window.plusMinutes(2), "page"));
        String third = convene(meeting("AD_HOC_GROUP", window.plusMinutes(3), "page"));
        ExtractableResponse<Response> page = MEMBER_A.request().queryParam("from", window.toString())
                .queryParam("to", window.plusMinutes(4).toString()).queryParam("limit", 2).get(MEETINGS)
                .then().statusCode(200).extract();
        assertThat(page.jsonPath().getList("items.id")).containsExactly(first, second);
        String next = page.header("Link");
        assertThat(next).contains("rel=\"next\"").contains("cursor=");
        String nextUrl = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        // the link is already encoded: send it as it is
        MEMBER_A.request().urlEncodingEnabled(false).get(nextUrl).then().statusCode(200)
                .body("items.id", equalTo(List.of(third))).body("nextCursor", nullValue());
    }

    @Test
    void updatedSinceListsWhatChangedInTheOrderOfChange() {
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        OffsetDateTime window = OffsetDateTime.of(2032, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        String earlier = convene(meeting("AD_HOC_GROUP", window.plusDays(2), "sync"));
        String later = convene(meeting("AD_HOC_GROUP", window.plusDays(1), "sync"));
        OFFICE.request().body(Map.of("reason", "Sync")).post(MEETINGS + "/" + earlier + "/cancellation")
                .then().statusCode(200);
        List<String> changed = MEMBER_A.request().queryParam("updatedSince", since.toString()).queryParam("limit", 500)
                .get(MEETINGS).then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(changed).contains(earlier, later);
        assertThat(changed.indexOf(later)).as("by time of change, not of start").isLessThan(changed.indexOf(earlier));
        MEMBER_A.request().queryParam("updatedSince", "yesterday").get(MEETINGS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("updatedSince"));
        MEMBER_A.request().queryParam("status", "POSTPONED").get(MEETINGS).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("SCHEDULED"));
        MEMBER_A.request().queryParam("organisationId", "mistral").get(MEETINGS + "/requests").then().statusCode(400)
                .contentType("application/problem+json");
        MEMBER_A.request().get(MEETINGS + "/not-a-meeting").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void conveningWithTheSameIdempotencyKeyConvenesOnce() {
        Map<String, Object> body = meeting("AD_HOC_GROUP", OffsetDateTime.now(ZoneOffset.UTC).plusDays(70), "idem");
        String key = UUID.randomUUID().toString();
        String id = OFFICE.request().header("Idempotency-Key", key).body(body).post(MEETINGS).then().statusCode(201)
                .extract().path("id");
        OFFICE.request().header("Idempotency-Key", key).body(body).post(MEETINGS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        body.put("title", body.get("title") + " changed");
        OFFICE.request().header("Idempotency-Key", key).body(body).post(MEETINGS).then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void everyChangeIsInTheAuditTrailForTheAiOffice() {
        String id = convene(meeting("PLENARY", OffsetDateTime.now(ZoneOffset.UTC).plusDays(80), "audit"));
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Audit")))).put(MEETINGS + "/" + id + "/agenda")
                .then().statusCode(200);
        OFFICE.request().body(Map.of("reason", "Audit")).post(MEETINGS + "/" + id + "/cancellation").then().statusCode(200);
        List<String> actions = OFFICE.request().queryParam("recordId", id).get(MEETINGS + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).containsSubsequence("MEETING_CONVENED", "AGENDA_CHANGED", "MEETING_CANCELLED");
        OFFICE.request().queryParam("recordId", id).get(MEETINGS + "/audit").then()
                .body("items[0].subject", org.hamcrest.Matchers.notNullValue()).body("items[0].recordType", equalTo("Meeting"));
        MEMBER_A.request().get(MEETINGS + "/audit").then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        OFFICE.request().queryParam("limit", 0).get(MEETINGS + "/audit").then().statusCode(400)
                .contentType("application/problem+json");
        OFFICE.request().queryParam("recordId", "not-an-id").get(MEETINGS + "/audit").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
