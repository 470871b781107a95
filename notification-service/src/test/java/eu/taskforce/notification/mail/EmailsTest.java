package eu.taskforce.notification.mail;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.DecisionResult;
import eu.taskforce.contracts.meetings.DecisionThreshold;
import eu.taskforce.contracts.meetings.MeetingCancelled;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.MeetingRescheduled;
import eu.taskforce.notification.service.MailRecipients;
import eu.taskforce.notification.event.WebhookFailing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The e-mails each action of the other services sends, to whom, with what (GreenMail: a real SMTP server). */
@QuarkusTest
class EmailsTest extends MailScenario {

    @Inject
    Event<WebhookFailing> failing;

    @Test
    void aPlenaryInvitesEveryRepresentativeWithAnICalendarThatItsNewTimeAndCancellationUpdate() throws Exception {
        UUID meeting = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).truncatedTo(ChronoUnit.HOURS);
        feed.publish(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, meeting, new MeetingConvened(meeting,
                "Plenary " + marker, MeetingKind.PLENARY, MeetingFormat.HYBRID, start, start.plusHours(2),
                "Europe/Brussels", "Brussels, BERL", null));

        MimeMessage invitation = awaitMails(addressA, 1).get(0);
        assertThat(awaitMails(addressB, 1)).hasSize(1);
        assertThat(invitation.getSubject()).isEqualTo("Invitation: Plenary " + marker);
        assertThat(invitation.getFrom()[0].toString()).contains("no-reply@signatory-taskforce.eu");
        assertThat(invitation.getAllRecipients()).hasSize(1); // one e-mail per person: nobody sees the others
        assertThat(Mailbox.text(invitation)).contains("Brussels, BERL");
        // the stakeholder is not invited to a plenary
        assertThat(Mailbox.to(addressExpert, marker)).isEmpty();

        VEvent event = onlyEvent(Mailbox.calendars(invitation));
        assertThat(value(event, Property.UID)).isEqualTo(meeting + "@meetings.signatory-taskforce.eu");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Plenary " + marker);
        assertThat(value(event, Property.LOCATION)).isEqualTo("Brussels, BERL");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start.toInstant());
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");

        // a new time: the same UID with a higher SEQUENCE, so that a calendar moves the event
        OffsetDateTime later = start.plusDays(1);
        feed.publish(UUID.randomUUID().toString(), EventTypes.MEETING_RESCHEDULED, meeting, new MeetingRescheduled(
                meeting, later, later.plusHours(2), "Europe/Brussels", start, "Room unavailable"));
        MimeMessage moved = awaitMails(addressA, 2).stream().filter(m -> subject(m).startsWith("New time")).findFirst()
                .orElseThrow();
        VEvent movedEvent = onlyEvent(Mailbox.calendars(moved));
        assertThat(value(movedEvent, Property.UID)).isEqualTo(meeting + "@meetings.signatory-taskforce.eu");
        assertThat(value(movedEvent, Property.SEQUENCE)).isEqualTo("1");
        assertThat(Instant.from(movedEvent.getDateTimeStart().getDate())).isEqualTo(later.toInstant());

        feed.publish(UUID.randomUUID().toString(), EventTypes.MEETING_CANCELLED, meeting,
                new MeetingCancelled(meeting, "No quorum"));
        MimeMessage cancelled = awaitMails(addressA, 3).stream().filter(m -> subject(m).startsWith("Cancelled"))
                .findFirst().orElseThrow();
        VEvent cancelledEvent = onlyEvent(Mailbox.calendars(cancelled));
        assertThat(value(cancelledEvent, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelledEvent, Property.SEQUENCE)).isEqualTo("2");
    }

    @Test
    void anAgendaReachesThePlenarysInviteesInTheirDailyDigestByDefaultAndOtherMeetingsSendNothing() throws Exception {
        UUID plenary = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20);
        feed.publish(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, group, new MeetingConvened(group,
                "Group " + marker, MeetingKind.AD_HOC_GROUP, MeetingFormat.ONLINE, start, start.plusHours(1),
                "Europe/Brussels", null, null));
        feed.publish(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, plenary, new MeetingConvened(plenary,
                "Plenary " + marker, MeetingKind.PLENARY, MeetingFormat.ONLINE, start, start.plusHours(1),
                "Europe/Brussels", null, null));
        awaitMails(addressA, 1);
        // an ad-hoc group's invitations name organisations that no event names: no e-mail for it
        assertThat(Mailbox.to(addressA, "Group " + marker)).isEmpty();

        feed.publish(UUID.randomUUID().toString(), EventTypes.AGENDA_PUBLISHED, plenary, new AgendaPublished(plenary,
                1, List.of(new AgendaPublished.Item(1, "Opening " + marker, null, List.of(), List.of(), null))));
        // the agenda waits for the daily digest (its default), which tomorrow's digest hour sends
        awaitDigestItems(ACCOUNT_A, "AGENDA_PUBLISHED", 1);
        assertThat(Mailbox.to(addressA, marker)).hasSize(1);
        digestTomorrow();
        List<MimeMessage> digests = Mailbox.digests(addressA, marker);
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).getSubject()).isEqualTo("Your daily Taskforce digest: 1 item");
        assertThat(Mailbox.text(digests.get(0))).contains("Agenda: Plenary " + marker).contains("1. Opening " + marker);
    }

    @Test
    void aPaperOfAPlenaryCirculatedReachesItsInviteesInTheirDailyDigestSayingWhetherItWasLate() throws Exception {
        UUID plenary = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
        feed.publish(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, plenary, new MeetingConvened(plenary,
                "Plenary " + marker, MeetingKind.PLENARY, MeetingFormat.ONLINE, start, start.plusHours(1),
                "Europe/Brussels", null, null));
        awaitMails(addressA, 1);
        feed.publish(UUID.randomUUID().toString(), EventTypes.PAPER_CIRCULATED, plenary, new PaperCirculated(plenary,
                UUID.randomUUID(), 1, "Draft " + marker, PaperVisibility.MEMBERS, WithholdingReason.SECURITY,
                OffsetDateTime.now(ZoneOffset.UTC), start.toLocalDate().minusDays(5), true, "application/pdf", 10,
                "ab".repeat(32)));
        awaitDigestItems(ACCOUNT_A, "PAPERS_CIRCULATED", 1);
        digestTomorrow();
        List<MimeMessage> digests = Mailbox.digests(addressA, marker);
        assertThat(digests).hasSize(1);
        assertThat(Mailbox.text(digests.get(0))).contains("Paper: Plenary " + marker)
                .contains("circulated the paper \"Draft " + marker + "\"").contains("(agenda item 1)")
                .contains("later than " + start.toLocalDate().minusDays(5));
    }

    @Test
    void aVoteAndAWindowGoToEveryRepresentativeWithAReminderBeforeTheyCloseUnlessTheyClosed() {
        UUID soon = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID window = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // closes within the reminder's day: opened and closing soon both go
        feed.publish(UUID.randomUUID().toString(), EventTypes.DECISION_OPENED, soon, new DecisionOpened(soon,
                "Invite an expert? " + marker, DecisionThreshold.SIMPLE_MAJORITY, now.plusHours(3), null, 50, null));
        // closes in three days, but closes early: no reminder
        feed.publish(UUID.randomUUID().toString(), EventTypes.DECISION_OPENED, later, new DecisionOpened(later,
                "Second question " + marker, DecisionThreshold.UNANIMITY, now.plusDays(3), null, 50, null));
        feed.publish(UUID.randomUUID().toString(), EventTypes.WINDOW_OPENED, window, new WindowOpened(window,
                UUID.randomUUID(), "Guidelines " + marker, UUID.randomUUID(), 2, now, now.plusHours(5)));

        assertThat(awaitMails(addressB, 5)).extracting(EmailsTest::subject).containsExactlyInAnyOrder(
                "Vote open: Invite an expert? " + marker, "Vote closes soon: Invite an expert? " + marker,
                "Vote open: Second question " + marker, "Input window open: Guidelines " + marker + " v2",
                "Input window closes soon: Guidelines " + marker + " v2");

        feed.publish(UUID.randomUUID().toString(), EventTypes.DECISION_CLOSED, later, new DecisionClosed(later,
                "Second question " + marker, DecisionThreshold.UNANIMITY, DecisionResult.ADOPTED, 2, 0, 0, now, 50, 2,
                null));
        await().atMost(Duration.ofSeconds(60)).until(() -> !hasDeadline(later));
        // two and a half days later, when its reminder would have gone: nothing more
        TestClock.set(now.plusHours(60).toInstant());
        dispatcher.dispatchNow();
        assertThat(Mailbox.to(addressB, marker)).hasSize(5);
        assertThat(Mailbox.to(addressExpert, marker)).isEmpty();
    }

    private boolean hasDeadline(UUID aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                "select 1 from mail_deadline where aggregate_id = :id").setParameter("id", aggregate)
                .getResultList().isEmpty());
    }

    @Test
    void dispositionsReachRepresentativesAndStakeholdersAndEveryMailCanBeUnsubscribedFromInOneClick() {
        UUID window = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        feed.publish(UUID.randomUUID().toString(), EventTypes.DISPOSITIONS_PUBLISHED, window,
                new DispositionsPublished(window, UUID.randomUUID(), "Guidelines " + marker, UUID.randomUUID(), 1,
                        now.minusDays(10), now.minusDays(1), List.of(), List.of(
                        new DispositionsPublished.DispositionCount(Disposition.ACCEPTED, 0)), now));
        // their default is the daily digest: the next one has them
        awaitDigestItems(MailRecipients.STAKEHOLDER_PREFIX + expertId, "DISPOSITIONS_PUBLISHED", 1);
        awaitDigestItems(ACCOUNT_A, "DISPOSITIONS_PUBLISHED", 1);
        digestTomorrow();
        MimeMessage digest = Mailbox.digests(addressExpert, marker).get(0);
        assertThat(Mailbox.text(digest)).contains("Answers published: Guidelines " + marker + " v1");
        assertThat(Mailbox.header(digest, "List-Unsubscribe")).startsWith("<http://127.0.0.1:8080/api/v1/"
                + "notifications/unsubscribe?token=").endsWith(">");
        assertThat(Mailbox.header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mailbox.text(digest)).contains(Mailbox.header(digest, "List-Unsubscribe")
                .replaceAll("^<|>$", ""));
    }

    @Test
    void theOwnerOfAWebhookMarkedFailingIsToldAtOnceAndNobodyElse() {
        UUID subscription = UUID.randomUUID();
        String url = "https://hooks.example.org/" + marker;
        // as the webhooks' dispatcher fires it, in its transaction
        QuarkusTransaction.requiringNew().run(() -> failing.fire(new WebhookFailing(subscription, "subject-of-a",
                "Member-A", url, "HTTP 500 " + marker, OffsetDateTime.now(ZoneOffset.UTC))));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatchNow();
            return !Mailbox.to(addressA, "webhook").isEmpty();
        });
        MimeMessage mail = Mailbox.to(addressA, "webhook").get(0);
        assertThat(subject(mail)).isEqualTo("Your webhook is failing");
        assertThat(Mailbox.text(mail)).contains(subscription.toString(), url, "HTTP 500 " + marker);
        assertThat(Mailbox.to(addressB, "webhook")).isEmpty();
        assertThat(Mailbox.to(addressExpert, "webhook")).isEmpty();
    }

    private static VEvent onlyEvent(List<String> calendars) throws Exception {
        assertThat(calendars).hasSize(1);
        Calendar calendar = new CalendarBuilder().build(new StringReader(calendars.get(0)));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
