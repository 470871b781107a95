package eu.taskforce.notification.mail;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.DecisionThreshold;
import eu.taskforce.notification.service.MailPersonalData;
import eu.taskforce.platform.personaldata.ExportLists;
import eu.taskforce.platform.testing.Actors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A person's preferences (defaults without configuring anything, ETag and If-Match, respected by the dispatcher) and
 * the unsubscribe link of every e-mail (GET says, one-click POST turns off, a tampered token is a 400 problem).
 */
@QuarkusTest
class PreferencesAndUnsubscribeTest extends MailScenario {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    @Test
    void everyKindHasItsDefaultUntilThePersonChoosesAndAStaleETagIsRefused() {
        Response read = Actors.MEMBER_A.request().get(PREFERENCES);
        read.then().statusCode(200).header("ETag", "\"0\"")
                .body("preferences.size()", is(10))
                .body("preferences.find { it.kind == 'INVITATION' }.frequency", is("IMMEDIATELY"))
                .body("preferences.find { it.kind == 'AGENDA_PUBLISHED' }.frequency", is("DAILY"))
                .body("preferences.find { it.kind == 'PAPERS_CIRCULATED' }.frequency", is("DAILY"));

        Actors.MEMBER_A.request().header("If-Match", "\"0\"").body(change("VOTE_OPENED", "WEEKLY"))
                .put(PREFERENCES).then().statusCode(200).header("ETag", "\"1\"")
                .body("preferences.find { it.kind == 'VOTE_OPENED' }.frequency", is("WEEKLY"))
                .body("preferences.find { it.kind == 'INVITATION' }.frequency", is("IMMEDIATELY"));
        Actors.MEMBER_A.request().header("If-Match", "\"0\"").body(change("VOTE_OPENED", "OFF"))
                .put(PREFERENCES).then().statusCode(412).contentType("application/problem+json");
        Actors.MEMBER_A.request().get(PREFERENCES).then().statusCode(200).header("ETag", "\"1\"")
                .body("preferences.find { it.kind == 'VOTE_OPENED' }.frequency", is("WEEKLY"));
        // another account's preferences are its own
        Actors.MEMBER_B.request().get(PREFERENCES).then().statusCode(200)
                .body("preferences.find { it.kind == 'VOTE_OPENED' }.frequency", is("IMMEDIATELY"));
    }

    @Test
    void hostileOrInvalidChangesAreProblems() {
        for (String body : List.of("{}", "{\"preferences\":[]}", "{\"preferences\":null}",
                "{\"preferences\":[{\"kind\":\"NOPE\",\"frequency\":\"OFF\"}]}",
                "{\"preferences\":[{\"kind\":\"VOTE_OPENED\",\"frequency\":\"HOURLY\"}]}",
                "{\"preferences\":[{\"kind\":\"VOTE_OPENED\"}]}",
                "{\"preferences\":[null]}",
                "{\"preferences\":[{\"kind\":\"VOTE_OPENED\",\"frequency\":\"OFF\"},"
                        + "{\"kind\":\"VOTE_OPENED\",\"frequency\":\"DAILY\"}]}",
                "{\"preferences\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"preferences\":[" + "{\"kind\":\"VOTE_OPENED\",\"frequency\":\"OFF\"},".repeat(11)
                        + "{\"kind\":\"VOTE_OPENED\",\"frequency\":\"OFF\"}]}",
                "[1,2,3]", "not json")) {
            Actors.MEMBER_A.request().body(body).put(PREFERENCES).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Actors.MEMBER_A.request().get(PREFERENCES).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void offIsRespectedAndTheLinkTurnsAKindOffWithoutLoggingInAndATamperedOneIsRefused() {
        Actors.MEMBER_A.request().body(change("VOTE_CLOSING_SOON", "OFF")).put(PREFERENCES).then().statusCode(200);
        UUID decision = UUID.randomUUID();
        feed.publish(UUID.randomUUID().toString(), EventTypes.DECISION_OPENED, decision, new DecisionOpened(decision,
                "Question " + marker, DecisionThreshold.TWO_THIRDS, OffsetDateTime.now(ZoneOffset.UTC).plusHours(2),
                null, 50, null));
        awaitMails(addressB, 2);
        List<MimeMessage> toA = awaitMails(addressA, 1);
        assertThat(toA).extracting(EmailsTest::subject).containsExactly("Vote open: Question " + marker);

        String link = Mailbox.header(toA.get(0), "List-Unsubscribe").replaceAll("^<|>$", "");
        assertThat(link).startsWith("http://127.0.0.1:8080/api/v1/notifications/unsubscribe?token=");
        assertThat(Mailbox.text(toA.get(0))).contains(link);
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        // GET (a link preview, a scanner, a person) only says what the link turns off
        given().get(path).then().statusCode(200).body("kind", is("VOTE_OPENED")).body("off", is(false));
        Actors.MEMBER_A.request().get(PREFERENCES).then()
                .body("preferences.find { it.kind == 'VOTE_OPENED' }.frequency", is("IMMEDIATELY"));
        // the mail client's one-click POST (RFC 8058), without a token
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").post(path).then()
                .statusCode(200).body("off", is(true));
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").post(path).then()
                .statusCode(200);
        given().get(path).then().statusCode(200).body("off", is(true));
        Actors.MEMBER_A.request().get(PREFERENCES).then()
                .body("preferences.find { it.kind == 'VOTE_OPENED' }.frequency", is("OFF"))
                .body("preferences.find { it.kind == 'VOTE_CLOSING_SOON' }.frequency", is("OFF"))
                .body("preferences.find { it.kind == 'WINDOW_OPENED' }.frequency", is("IMMEDIATELY"));

        // another question: member-a gets nothing now, the other representative both
        UUID next = UUID.randomUUID();
        feed.publish(UUID.randomUUID().toString(), EventTypes.DECISION_OPENED, next, new DecisionOpened(next,
                "Next " + marker, DecisionThreshold.TWO_THIRDS, OffsetDateTime.now(ZoneOffset.UTC).plusHours(2), null,
                50, null));
        awaitMails(addressB, 4);
        assertThat(Mailbox.to(addressA, marker)).hasSize(1);

        // a tampered, truncated or missing token: 400 problems, nothing changes
        String token = link.substring(link.indexOf("token=") + 6);
        String[] parts = token.split("\\.");
        String otherPerson = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("member-b\nVOTE_OPENED".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : List.of(otherPerson + "." + parts[1], parts[0] + "." + parts[1].substring(1),
                parts[0], "", "x".repeat(2000), parts[0] + ".%%%")) {
            given().queryParam("token", bad).post("/api/v1/notifications/unsubscribe").then().statusCode(400)
                    .contentType("application/problem+json");
            given().queryParam("token", bad).get("/api/v1/notifications/unsubscribe").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().post("/api/v1/notifications/unsubscribe").then().statusCode(400)
                .contentType("application/problem+json");
        Actors.MEMBER_B.request().get(PREFERENCES).then()
                .body("preferences.find { it.kind == 'VOTE_OPENED' }.frequency", is("IMMEDIATELY"));
    }

    @Test
    void theExportListsPreferencesWaitingItemsAndSentMailsAndTheErasureForgetsThem() {
        Actors.MEMBER_A.request().body(change("VOTE_CLOSING_SOON", "DAILY")).put(PREFERENCES).then().statusCode(200);
        UUID decision = UUID.randomUUID();
        feed.publish(UUID.randomUUID().toString(), EventTypes.DECISION_OPENED, decision, new DecisionOpened(decision,
                "Exported " + marker, DecisionThreshold.TWO_THIRDS, OffsetDateTime.now(ZoneOffset.UTC).plusHours(2),
                null, 50, null));
        awaitMails(addressA, 1);
        awaitDigestItems(ACCOUNT_A, "VOTE_CLOSING_SOON", 1);

        MailPersonalData.Export export = personalData.export(ACCOUNT_A, new ExportLists());
        assertThat(export.preferences()).containsEntry("VOTE_CLOSING_SOON", "DAILY");
        assertThat(export.digestItems()).extracting(MailPersonalData.WaitingItem::subject)
                .contains("Vote closes soon: Exported " + marker);
        assertThat(export.sent()).extracting(MailPersonalData.SentMail::subject)
                .contains("Vote open: Exported " + marker);
        assertThat(export.toString()).doesNotContain(addressA); // no address is kept

        assertThat(QuarkusTransaction.requiringNew().call(() -> personalData.erase("MEMBER-A"))).isGreaterThan(2);
        MailPersonalData.Export after = personalData.export(ACCOUNT_A, new ExportLists());
        assertThat(after.digestItems()).isEmpty();
        assertThat(after.sent()).isEmpty();
        assertThat(after.preferencesUpdatedAt()).isNull();
    }

    private static Map<String, Object> change(String kind, String frequency) {
        return Map.of("preferences", List.of(Map.of("kind", kind, "frequency", frequency)));
    }
}
