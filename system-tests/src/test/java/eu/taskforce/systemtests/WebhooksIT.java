package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

/**
 * Webhooks through the gateway with real tokens: member A subscribes an endpoint on 127.0.0.1 (the test stack allows
 * loopback http) to meetings convened and input windows opened; the AI Office convenes a meeting and opens a window on a
 * guidance draft; the endpoint receives both events as CloudEvents JSON, each signature verified with the reference
 * implementation of Standard Webhooks, and the delivery log says DELIVERED.
 */
class WebhooksIT {

    static final String WEBHOOKS = GATEWAY + "/api/v1/notifications/webhooks";
    static final String CONVENED = "eu.taskforce.meetings.meeting-convened.v1";
    static final String WINDOW_OPENED = "eu.taskforce.guidance.window-opened.v1";

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    @Test
    void aMembersEndpointReceivesTheMeetingAndTheWindowSigned() throws IOException {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        String subscription = null;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = as("member-a").body(Map.of("url", receiver.url(),
                            "eventTypes", List.of(CONVENED, WINDOW_OPENED), "description", "System test receiver"))
                    .post(WEBHOOKS).then().statusCode(201).extract();
            subscription = created.path("id");
            String secret = created.path("secret");
            receiver.secret(secret);
            assertThat(secret).startsWith("whsec_");

            String run = UUID.randomUUID().toString().substring(0, 8);
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.HOURS);
            String meeting = as("office").body(Map.of("title", "Webhooks system test " + run, "kind", "PLENARY",
                            "format", "ONLINE", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                            "timeZone", "Europe/Brussels", "joiningLink", "https://meet.example.eu/j/wh-" + run))
                    .post(GATEWAY + "/api/v1/meetings").then().statusCode(201).extract().path("id");
            String window = openWindow(run);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(receiver.unverified).isEmpty();
                assertThat(receiver.verified.values()).anySatisfy(event -> {
                    assertThat(event.getString("type")).isEqualTo(CONVENED);
                    assertThat(event.getString("data.meetingId")).isEqualTo(meeting);
                });
                assertThat(receiver.verified.values()).anySatisfy(event -> {
                    assertThat(event.getString("type")).isEqualTo(WINDOW_OPENED);
                    assertThat(event.getString("data.windowId")).isEqualTo(window);
                });
            });
            JsonPath convened = receiver.verified.values().stream()
                    .filter(e -> meeting.equals(e.getString("data.meetingId"))).findFirst().orElseThrow();
            assertThat(convened.getString("specversion")).isEqualTo("1.0");
            assertThat(convened.getString("source")).isEqualTo("/taskforce/meeting-service");
            assertThat(convened.getString("subject")).isEqualTo(meeting);
            assertThat(convened.getString("data.title")).isEqualTo("Webhooks system test " + run);

            String log = WEBHOOKS + "/" + subscription + "/deliveries";
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as("member-a").get(log).then()
                    .statusCode(200).extract().jsonPath().getList("items.status")).contains("DELIVERED"));
            // another member does not see it
            as("member-b").get(WEBHOOKS + "/" + subscription).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        } finally {
            if (subscription != null) {
                as("member-a").delete(WEBHOOKS + "/" + subscription).then().statusCode(204);
            }
        }
    }

    /** A published guidance draft with an open input window (as {@link GuidanceIT} makes them); the window's id. */
    static String openWindow(String run) {
        String guidance = GATEWAY + "/api/v1/guidance";
        String document = as("office").body(Map.of("title", "Webhooks system test guidance " + run,
                        "kind", "GUIDELINES"))
                .post(guidance + "/documents").then().statusCode(201).extract().path("id");
        as("office").body(Map.of("changeNote", "Draft", "sections", List.of(
                        Map.of("key", "scope", "title", "Scope", "text", "Which models"))))
                .post(guidance + "/documents/" + document + "/versions").then().statusCode(201);
        as("office").post(guidance + "/documents/" + document + "/versions/1/publication").then().statusCode(200);
        return as("office").body(Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString()))
                .post(guidance + "/documents/" + document + "/versions/1/windows").then().statusCode(201)
                .extract().path("id");
    }
}
