package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
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
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.MEMBER_B_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Through the gateway with real tokens: a member requests a meeting, another supports it, the AI Office accepts it
 * (which convenes the meeting), publishes the agenda, records it as held and publishes the summary from the approved
 * minutes; the other member then reads the summary and the withheld parts, never the confidential annex.
 */
class MeetingRequestIT {

    static final String MEETINGS = GATEWAY + "/api/v1/meetings";

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    @Test
    void aMembersRequestBecomesAMeetingHeldWithAPublishedSummary() {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        Stack.ensureMember(MEMBER_B_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String annexMarker = "ANNEX-" + run;

        // meeting-service learns the members from the membership topic: the request is accepted once it has
        Map<String, Object> request = Map.of("topic", "Open-weight release practices " + run,
                "rationale", "Members would compare practices",
                "proposedAgendaItems", List.of("Release practices", "Evaluations of open weights"));
        String requestId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var filed = as("member-a").body(request).post(MEETINGS + "/requests");
            return filed.statusCode() == 201 ? filed.path("id").toString() : null;
        }, id -> id != null);
        String requestPath = MEETINGS + "/requests/" + requestId;

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as("member-b").post(requestPath + "/supports").statusCode() == 200);
        as("member-b").get(requestPath).then().statusCode(200)
                .body("supporters.organisationId", hasItem(MEMBER_B_ORGANISATION));
        as("member-b").post(requestPath + "/acceptance").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your role does not allow this action"));

        // accepted and convened; it began an hour ago, so that it can be recorded as held now
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
        String etag = as("office").get(requestPath).then().statusCode(200).extract().header("ETag");
        String meetingId = as("office").header("If-Match", etag)
                .body(Map.of("title", "Open-weight release practices " + run, "kind", "PLENARY", "format", "ONLINE",
                        "startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(2).toString(),
                        "timeZone", "Europe/Brussels", "joiningLink", "https://meet.example.eu/j/" + run))
                .post(requestPath + "/acceptance")
                .then().statusCode(201).body("requestId", equalTo(requestId)).body("status", equalTo("SCHEDULED"))
                .extract().path("id");
        String meeting = MEETINGS + "/" + meetingId;

        as("office").body(Map.of("items", List.of(
                        Map.of("title", "Release practices", "codeReferences", List.of("SAFETY_AND_SECURITY-5.1")),
                        Map.of("title", "Evaluations of open weights", "codeReferences", List.of("SAFETY_AND_SECURITY-3.2")))))
                .put(meeting + "/agenda").then().statusCode(200);
        as("office").post(meeting + "/agenda/publication").then().statusCode(200).body("published", equalTo(true));
        as("member-b").get(meeting + "/agenda").then().statusCode(200)
                .body("items.title", equalTo(List.of("Release practices", "Evaluations of open weights")));

        as("office").body(Map.of("attendingOrganisations", List.of(MEMBER_A_ORGANISATION, MEMBER_B_ORGANISATION)))
                .post(meeting + "/held").then().statusCode(200).body("status", equalTo("HELD"));

        as("office").body(Map.of("text", "Minutes of the meeting " + run)).put(meeting + "/minutes").then().statusCode(201);
        as("office").post(meeting + "/minutes/review").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        as("member-b").body(Map.of("text", "Our point on evaluations is well recorded")).post(meeting + "/minutes/comments")
                .then().statusCode(201);
        as("office").post(meeting + "/minutes/approval").then().statusCode(200).body("status", equalTo("APPROVED"));
        as("office").body(Map.of("summary", "Members compared release practices " + run,
                        "confidentialAnnex", "Pricing details " + annexMarker,
                        "withheldParts", List.of(Map.of("title", "Compute pricing of a member",
                                "reason", "COMMERCIALLY_CONFIDENTIAL"))))
                .post(meeting + "/summary").then().statusCode(201);

        as("member-b").get(meeting).then().statusCode(200).body("status", equalTo("SUMMARY_PUBLISHED"));
        String summary = as("expert").get(meeting + "/summary")
                .then().statusCode(200).body("summary", containsString(run))
                .body("withheldParts[0].reason", equalTo("COMMERCIALLY_CONFIDENTIAL"))
                .extract().asString();
        assertThat(summary).doesNotContain(annexMarker);
        as("expert").get(meeting + "/summary/annex").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only the AI Office and representatives of the organisations that attended"
                        + " may read this"));
        as("member-b").get(meeting + "/summary/annex").then().statusCode(200)
                .body("confidentialAnnex", containsString(annexMarker));
    }

    @Test
    void calendarClientsReadThePublicCalendarThroughTheGatewayWithoutAToken() {
        String calendar = RestAssured.given().get(MEETINGS + "/calendar/public.ics")
                .then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("END:VCALENDAR").doesNotContain("meet.example.eu");
        // the rest of the meetings API still needs a token
        RestAssured.given().get(MEETINGS + "/calendar/feeds").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get(MEETINGS + "/requests").then().statusCode(401);
    }
}
