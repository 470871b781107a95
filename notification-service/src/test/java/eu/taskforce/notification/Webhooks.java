package eu.taskforce.notification;

import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.platform.testing.Actors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import eu.taskforce.notification.service.Deliveries;
import io.quarkus.arc.Arc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of the webhook API and events to send, for the module tests. */
public final class Webhooks {

    public static final String API = "/api/v1/notifications/webhooks";

    /** A subscription made by the API. */
    public record Subscription(String id, String secret, String etag) {
    }

    public static Subscription subscribe(Actors actor, String url, String... types) {
        Response response = actor.request().body(Map.of("url", url, "eventTypes", List.of(types))).post(API);
        response.then().statusCode(201);
        JsonPath json = response.jsonPath();
        return new Subscription(json.getString("id"), json.getString("secret"), response.header("ETag"));
    }

    public static JsonPath read(Actors actor, String id) {
        return actor.request().get(API + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> deliveries(Actors actor, String id) {
        return actor.request().get(API + "/" + id + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    /** No subscription of an earlier test (or run) is left: each test counts its own deliveries. */
    public static void forgetAll() {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(Deliveries.class).get()
                .forget("true", Map.of()));
    }

    public static MeetingConvened convened(UUID meeting, String title) {
        OffsetDateTime start = OffsetDateTime.of(2027, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        return new MeetingConvened(meeting, title, MeetingKind.PLENARY, MeetingFormat.ONLINE, start,
                start.plusHours(2), "Europe/Brussels", null, null);
    }

    private Webhooks() {
    }
}
