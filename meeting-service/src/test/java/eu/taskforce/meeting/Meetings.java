package eu.taskforce.meeting;

import eu.taskforce.platform.testing.Actors;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.startsWith;

/** Requests of the meetings API that many tests make. */
final class Meetings {

    static final String MEETINGS = "/api/v1/meetings";

    private Meetings() {
    }

    static OffsetDateTime inDays(long days) {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusDays(days);
    }

    /** The body of a meeting to convene: online, with a joining link that holds {@code marker}. */
    static Map<String, Object> meeting(String kind, OffsetDateTime startsAt, String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Meeting " + UUID.randomUUID());
        body.put("kind", kind);
        body.put("format", "HYBRID");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plusHours(3).toString());
        body.put("timeZone", "Europe/Brussels");
        body.put("location", "Brussels, BERL building");
        body.put("joiningLink", "https://meet.example.eu/j/" + marker);
        return body;
    }

    /** Convenes a meeting as the AI Office and returns its id. */
    static String convene(Map<String, Object> body) {
        return Actors.OFFICE.request().body(body).post(MEETINGS)
                .then().statusCode(201).header("Location", startsWith("http")).extract().path("id");
    }

    static ExtractableResponse<Response> get(Actors actor, String meetingId) {
        return actor.request().get(MEETINGS + "/" + meetingId).then().extract();
    }

    static String etag(Actors actor, String path) {
        return actor.request().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Records the meeting as held by the AI Office, with the given organisations attending. */
    static void hold(String meetingId, List<UUID> organisations) {
        Actors.OFFICE.request().body(Map.of("attendingOrganisations", organisations.stream().map(UUID::toString).toList()))
                .post(MEETINGS + "/" + meetingId + "/held").then().statusCode(200);
    }
}
