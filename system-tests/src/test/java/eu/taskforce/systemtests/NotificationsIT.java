package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both channels of notification-service through the gateway with real tokens (issue 21): member A subscribes a webhook
 * (a loopback receiver) and sets a daily digest; the AI Office convenes a plenary and opens an input window; the
 * webhook receives both events signed, and the digest with both arrives once in the SMTP sink of the stack, read
 * through GreenMail's REST API. The test stack makes a digest "day" 20 seconds long (TASKFORCE_MAIL_DIGEST_EVERY in
 * ./taskforce test), so the digest comes within a minute.
 */
class NotificationsIT {

    static final String NOTIFICATIONS = GATEWAY + "/api/v1/notifications";
    /** The SMTP sink's REST API (GreenMail standalone, started by ./taskforce like Kafka and Keycloak). */
    static final String MAIL_API = System.getProperty("taskforce.mail-api.url", "http://127.0.0.1:8025");

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    @Test
    void aMembersWebhookReceivesBothEventsSignedAndItsDailyDigestHasBothOnce() throws Exception {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // member-a is a representative of its organisation with an address of this run (membership-service keeps it;
        // notification-service asks for it when it sends)
        String address = "notify-" + run + "@example.org";
        as("member-a").delete(GATEWAY + "/api/v1/me/personal-data").then().statusCode(204);
        as("office").body(Map.of("name", "Notified Person " + run, "email", address, "role", "ALTERNATE",
                        "username", "member-a"))
                .post(GATEWAY + "/api/v1/membership/signatories/" + MEMBER_A_ORGANISATION + "/representatives")
                .then().statusCode(201);
        // the daily digest for both kinds, instead of their defaults; the window closes within the hour, and its
        // "closes soon" notice (at once by default) is off, so that only digests arrive
        String etag = as("member-a").get(NOTIFICATIONS + "/preferences").then().statusCode(200).extract()
                .header("ETag");
        as("member-a").header("If-Match", etag).body(Map.of("preferences", List.of(
                        Map.of("kind", "INVITATION", "frequency", "DAILY"),
                        Map.of("kind", "WINDOW_OPENED", "frequency", "DAILY"),
                        Map.of("kind", "WINDOW_CLOSING_SOON", "frequency", "OFF"))))
                .put(NOTIFICATIONS + "/preferences").then().statusCode(200);

        String subscription = null;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = as("member-a").body(Map.of("url", receiver.url(),
                            "eventTypes", List.of(WebhooksIT.CONVENED, WebhooksIT.WINDOW_OPENED),
                            "description", "Notifications system test " + run))
                    .post(NOTIFICATIONS + "/webhooks").then().statusCode(201).extract();
            subscription = created.path("id");
            receiver.secret(created.path("secret"));

            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.HOURS);
            String title = "Notifications system test " + run;
            String meeting = as("office").body(Map.of("title", title, "kind", "PLENARY", "format", "ONLINE",
                            "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                            "timeZone", "Europe/Brussels", "joiningLink", "https://meet.example.eu/j/nt-" + run))
                    .post(GATEWAY + "/api/v1/meetings").then().statusCode(201).extract().path("id");
            String window = WebhooksIT.openWindow(run);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(receiver.unverified).isEmpty();
                assertThat(receiver.verified.values()).anySatisfy(event -> {
                    assertThat(event.getString("type")).isEqualTo(WebhooksIT.CONVENED);
                    assertThat(event.getString("data.meetingId")).isEqualTo(meeting);
                });
                assertThat(receiver.verified.values()).anySatisfy(event -> {
                    assertThat(event.getString("type")).isEqualTo(WebhooksIT.WINDOW_OPENED);
                    assertThat(event.getString("data.windowId")).isEqualTo(window);
                });
            });

            // the digest: both items, each in exactly one digest (a digest period may split them), none sent at once
            String invitation = "Invitation: " + title;
            String windowOpened = "Input window open: Webhooks system test guidance " + run;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(String.join("\n", digests(address))).contains(invitation, windowOpened));
            // more digest "days" pass: nothing is sent again
            int sent = inbox(address).size();
            await().during(Duration.ofSeconds(25)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> inbox(address).size() == sent);
            List<String> digests = digests(address);
            assertThat(digests.stream().filter(d -> d.contains(invitation))).hasSize(1);
            assertThat(digests.stream().filter(d -> d.contains(windowOpened))).hasSize(1);
            List<Map<String, Object>> all = inbox(address);
            assertThat(all).extracting(m -> (String) m.get("subject"))
                    .allMatch(subject -> subject.startsWith("Your daily Taskforce digest"));
            String message = (String) all.get(0).get("mimeMessage");
            assertThat(message).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                    .contains("List-Unsubscribe: <" + "http://127.0.0.1:8080/api/v1/notifications/unsubscribe?token=");
        } finally {
            if (subscription != null) {
                as("member-a").delete(NOTIFICATIONS + "/webhooks/" + subscription).then().statusCode(204);
            }
            as("member-a").delete(GATEWAY + "/api/v1/me/personal-data").then().statusCode(204);
        }
    }

    /** Every message the SMTP sink holds for the address. */
    static List<Map<String, Object>> inbox(String address) {
        return RestAssured.given().get(MAIL_API + "/api/user/" + address + "/messages/INBOX").then()
                .extract().jsonPath().getList("$");
    }

    /** The whole text (MIME source) of each digest the address received. */
    static List<String> digests(String address) {
        var answer = RestAssured.given().get(MAIL_API + "/api/user/" + address + "/messages/INBOX").then().extract();
        if (answer.statusCode() != 200) { // the sink knows an address once a message reached it
            return List.of();
        }
        return JsonPath.from(answer.asString()).<Map<String, Object>>getList("$").stream()
                .filter(m -> String.valueOf(m.get("subject")).startsWith("Your daily Taskforce digest"))
                .map(m -> unfold((String) m.get("mimeMessage"))).toList();
    }

    /** A quoted-printable text as written (soft line breaks joined, "=3D" back to "="); the tests' texts are ASCII. */
    static String unfold(String mime) {
        return mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }
}
