package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Through the gateway with real tokens: the AI Office circulates a paper in time and, after the meeting moved closer,
 * one late, and withholds one from the public with its reason; once the meeting is held, the public register lists the
 * three, and anyone downloads the public ones without a token, never the withheld one.
 */
class MeetingPapersIT {

    static final String MEETINGS = GATEWAY + "/api/v1/meetings";

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    /** Adds a paper with a small PDF and circulates it; its id. */
    static String circulate(String meeting, Map<String, Object> paper, String text) {
        String id = as("office").body(paper).post(meeting + "/papers").then().statusCode(201).extract().path("id");
        as("office").contentType("application/pdf").body(("%PDF-1.7\n" + text).getBytes(StandardCharsets.US_ASCII))
                .put(meeting + "/papers/" + id + "/content").then().statusCode(200);
        as("office").post(meeting + "/papers/" + id + "/circulation").then().statusCode(200);
        return id;
    }

    @Test
    void papersCirculatedOnTimeLateAndWithheldAreInThePublicRegisterOnceTheMeetingIsHeld() {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusDays(20);
        String meetingId = as("office").body(Map.of("title", "Papers " + run, "kind", "PLENARY", "format", "ONLINE",
                        "startsAt", later.toString(), "endsAt", later.plusHours(2).toString(),
                        "timeZone", "Europe/Brussels", "joiningLink", "https://meet.example.eu/j/" + run))
                .post(MEETINGS).then().statusCode(201).extract().path("id");
        String meeting = MEETINGS + "/" + meetingId;

        String onTime = circulate(meeting, Map.of("title", "Draft template " + run, "visibility", "PUBLIC"), "on time");
        String withheld = circulate(meeting, Map.of("title", "Vendor roadmap " + run, "visibility", "MEMBERS",
                "withholdingReason", "COMMERCIALLY_CONFIDENTIAL"), "withheld " + run);
        // the meeting moves to an hour ago: a paper circulated now is late
        OffsetDateTime began = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
        as("office").body(Map.of("startsAt", began.toString(), "endsAt", began.plusHours(2).toString()))
                .post(meeting + "/reschedule").then().statusCode(200);
        String late = circulate(meeting, Map.of("title", "Late annex " + run, "visibility", "PUBLIC"), "late");
        as("member-a").get(meeting + "/papers/" + late).then().statusCode(200).body("late", equalTo(true));
        as("member-a").get(meeting + "/papers/" + onTime).then().statusCode(200).body("late", equalTo(false));
        // not held yet: a public paper is not public
        RestAssured.given().get(MEETINGS + "/public-papers/" + onTime).then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as("office").body(Map.of("attendingOrganisations", List.of(MEMBER_A_ORGANISATION)))
                        .post(meeting + "/held").statusCode() == 200);

        String register = GATEWAY + "/api/v1/public/meetings/" + meetingId + "/papers";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                RestAssured.given().get(register).then().statusCode(200).body("items.title",
                        contains("Draft template " + run, "Vendor roadmap " + run, "Late annex " + run)));
        RestAssured.given().get(register).then()
                .body("items[0].late", equalTo(false)).body("items[2].late", equalTo(true))
                .body("items[1].disclosed", equalTo(false))
                .body("items[1].withholdingReason", equalTo("COMMERCIALLY_CONFIDENTIAL"))
                .body("items[1].downloadPath", nullValue())
                .body("items[0].downloadPath", equalTo("/api/v1/meetings/public-papers/" + onTime));
        RestAssured.given().get(GATEWAY + "/api/v1/meetings/public-papers/" + onTime).then().statusCode(200)
                .contentType("application/pdf").body(equalTo("%PDF-1.7\non time"));
        RestAssured.given().get(GATEWAY + "/api/v1/meetings/public-papers/" + withheld).then().statusCode(404);
    }
}
