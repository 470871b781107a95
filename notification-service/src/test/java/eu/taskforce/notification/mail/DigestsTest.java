package eu.taskforce.notification.mail;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.platform.testing.Actors;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digests at the configured hour (07:00 Europe/Brussels; weekly on Monday), driven by the service's clock: once per
 * person and period, even with two runs at once, and sent by a late run when the service was down at that hour.
 */
@QuarkusTest
class DigestsTest extends MailScenario {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Test
    void aDailyDigestGoesAtTheHourOnceEvenWithTwoRunsAtOnceAndALateRunSendsIt() throws Exception {
        Actors.MEMBER_A.request().body(Map.of("preferences", List.of(Map.of("kind", "WINDOW_OPENED",
                "frequency", "DAILY")))).put("/api/v1/notifications/preferences").then().statusCode(200);
        // Wednesday 10 March 2032, 06:30 in Brussels (05:30 UTC): before the hour
        ZonedDateTime before = ZonedDateTime.of(2032, 3, 10, 6, 30, 0, 0, BRUSSELS);
        TestClock.set(before.toInstant());
        openWindow("First");
        openWindow("Second");
        awaitDigestItems(ACCOUNT_A, "WINDOW_OPENED", 2);
        // member-a chose the digest; the other representative gets them at once (the default)
        assertThat(Mailbox.to(addressA, marker)).isEmpty();
        assertThat(Mailbox.to(addressB, marker)).hasSize(2);

        // 06:59: yesterday's period, which began before these items: nothing yet
        TestClock.set(before.plusMinutes(29).toInstant());
        digests.digestNow();
        assertThat(Mailbox.digests(addressA, marker)).isEmpty();

        // the service was down at 07:00; it runs at 09:12, twice at once (two instances)
        TestClock.set(before.plusHours(2).plusMinutes(42).toInstant());
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(digests::digestNow);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(digests::digestNow);
        assertThat(one.get() + two.get()).isGreaterThanOrEqualTo(1);
        digests.digestNow();
        List<MimeMessage> sent = Mailbox.digests(addressA, marker);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getSubject()).isEqualTo("Your daily Taskforce digest: 2 items");
        assertThat(Mailbox.text(sent.get(0))).contains("Input window open: First " + marker)
                .contains("Input window open: Second " + marker);
        assertThat(Mailbox.header(sent.get(0), "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // an item after the hour waits for tomorrow's digest
        openWindow("Third");
        awaitDigestItems(ACCOUNT_A, "WINDOW_OPENED", 1);
        digests.digestNow();
        assertThat(Mailbox.digests(addressA, marker)).hasSize(1);
        TestClock.set(before.plusDays(1).plusMinutes(31).toInstant());
        digests.digestNow();
        assertThat(Mailbox.digests(addressA, marker)).hasSize(2);
        assertThat(Mailbox.text(Mailbox.digests(addressA, marker).get(1))).contains("Third " + marker)
                .doesNotContain("First " + marker);
    }

    @Test
    void aWeeklyDigestGoesOnMondayAtTheHour() {
        Actors.MEMBER_A.request().body(Map.of("preferences", List.of(Map.of("kind", "WINDOW_OPENED",
                "frequency", "WEEKLY")))).put("/api/v1/notifications/preferences").then().statusCode(200);
        // Thursday 11 March 2032
        ZonedDateTime thursday = ZonedDateTime.of(2032, 3, 11, 12, 0, 0, 0, BRUSSELS);
        TestClock.set(thursday.toInstant());
        openWindow("Weekly");
        awaitDigestItems(ACCOUNT_A, "WINDOW_OPENED", 1);
        // Friday's and Sunday's daily hours pass: nothing
        TestClock.set(thursday.plusDays(1).toInstant());
        digests.digestNow();
        TestClock.set(ZonedDateTime.of(2032, 3, 15, 6, 59, 0, 0, BRUSSELS).toInstant());
        digests.digestNow();
        assertThat(Mailbox.digests(addressA, marker)).isEmpty();
        // Monday 07:00
        TestClock.set(ZonedDateTime.of(2032, 3, 15, 7, 0, 0, 0, BRUSSELS).toInstant());
        digests.digestNow();
        assertThat(Mailbox.digests(addressA, marker)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Your weekly Taskforce digest: 1 item"));
    }

    @Test
    void thePeriodsBeginAtTheHourInBrussels() {
        // 07:00 in Brussels is 06:00 UTC in winter, 05:00 UTC in summer
        assertThat(digests.daily(at("2032-01-20T06:00:00Z")).key()).isEqualTo("DAILY:2032-01-20");
        assertThat(digests.daily(at("2032-01-20T05:59:59Z")).key()).isEqualTo("DAILY:2032-01-19");
        assertThat(digests.daily(at("2032-07-20T05:00:00Z")).key()).isEqualTo("DAILY:2032-07-20");
        assertThat(digests.daily(at("2032-07-20T05:00:00Z")).start().toInstant())
                .isEqualTo(Instant.parse("2032-07-20T05:00:00Z"));
        // Monday 19 January 2032
        assertThat(digests.weekly(at("2032-01-19T06:00:00Z")).key()).isEqualTo("WEEKLY:2032-01-19");
        assertThat(digests.weekly(at("2032-01-19T05:00:00Z")).key()).isEqualTo("WEEKLY:2032-01-12");
        assertThat(digests.weekly(at("2032-01-25T23:00:00Z")).key()).isEqualTo("WEEKLY:2032-01-19");
    }

    private static ZonedDateTime at(String instant) {
        return Instant.parse(instant).atZone(BRUSSELS);
    }

    private void openWindow(String title) {
        UUID window = UUID.randomUUID();
        OffsetDateTime opens = OffsetDateTime.now(ZoneOffset.UTC).plusYears(10);
        feed.publish(UUID.randomUUID().toString(), EventTypes.WINDOW_OPENED, window, new WindowOpened(window,
                UUID.randomUUID(), title + " " + marker, UUID.randomUUID(), 1, opens, opens.plusDays(14)));
    }
}
