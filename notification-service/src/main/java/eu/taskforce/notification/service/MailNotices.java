package eu.taskforce.notification.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.WindowClosed;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.MeetingCancelled;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.MeetingRescheduled;
import eu.taskforce.notification.config.MailConfig;
import eu.taskforce.notification.domain.MailAudience;
import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.notification.event.ConsumedEvent;
import eu.taskforce.notification.event.WebhookFailing;
import eu.taskforce.platform.api.ICalendarWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the consumed events mean for people's e-mail: each event that concerns representatives or stakeholders becomes
 * a {@code mail_notice} in the consumer's transaction (so once per event, with the inbox record), which
 * {@link MailDispatcher} sends later to the people membership-service names. Who is concerned, and what the events
 * do not say (module README, "E-mail"):
 * <ul>
 *   <li>a plenary invites every current member organisation, so its convening, agenda, new time and cancellation go
 *   to all representatives; other meetings invite named organisations or accounts, which no event names (an
 *   invitation is not an event), so they send nothing;</li>
 *   <li>a question to vote on and an input window concern every member organisation, with a reminder before they
 *   close ({@code mail_deadline}) that their closing cancels;</li>
 *   <li>dispositions are public: representatives and stakeholders;</li>
 *   <li>minutes going to review and papers circulated have no event yet: {@link MailKind} reserves their kinds.</li>
 * </ul>
 */
@ApplicationScoped
public class MailNotices {

    static final String PRODUCT = "-//Signatory Taskforce//notification-service//EN";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (zzz)",
            java.util.Locale.ENGLISH);

    private final EntityManager entityManager;
    private final MailConfig config;
    private final Clock clock;

    public MailNotices(EntityManager entityManager, MailConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    void on(@Observes ConsumedEvent consumed) {
        String type = consumed.event().type();
        String id = consumed.event().id();
        if (type.equals(EventTypes.MEETING_CONVENED.type())) {
            convened(id, consumed.event().data(MeetingConvened.class));
        } else if (type.equals(EventTypes.MEETING_RESCHEDULED.type())) {
            rescheduled(id, consumed.event().data(MeetingRescheduled.class));
        } else if (type.equals(EventTypes.MEETING_CANCELLED.type())) {
            cancelled(id, consumed.event().data(MeetingCancelled.class));
        } else if (type.equals(EventTypes.AGENDA_PUBLISHED.type())) {
            agenda(id, consumed.event().data(AgendaPublished.class));
        } else if (type.equals(EventTypes.DECISION_OPENED.type())) {
            DecisionOpened decision = consumed.event().data(DecisionOpened.class);
            notice(id, MailKind.VOTE_OPENED, MailAudience.REPRESENTATIVES, null,
                    "Vote open: " + decision.question(),
                    "The AI Office asks the member organisations: " + decision.question() + "\n\nVoting closes on "
                            + local(decision.closesAt()) + " (" + decision.threshold() + ").", null);
            deadline(decision.decisionId(), MailKind.VOTE_CLOSING_SOON, decision.question(), decision.closesAt());
        } else if (type.equals(EventTypes.DECISION_CLOSED.type())) {
            closed(consumed.event().data(DecisionClosed.class).decisionId());
        } else if (type.equals(EventTypes.WINDOW_OPENED.type())) {
            WindowOpened window = consumed.event().data(WindowOpened.class);
            notice(id, MailKind.WINDOW_OPENED, MailAudience.REPRESENTATIVES, null,
                    "Input window open: " + window.documentTitle() + " v" + window.versionNumber(),
                    "Member organisations may give feedback on " + window.documentTitle() + ", version "
                            + window.versionNumber() + ", from " + local(window.opensAt()) + " until "
                            + local(window.closesAt()) + ".", null);
            deadline(window.windowId(), MailKind.WINDOW_CLOSING_SOON,
                    window.documentTitle() + " v" + window.versionNumber(), window.closesAt());
        } else if (type.equals(EventTypes.WINDOW_CLOSED.type())) {
            closed(consumed.event().data(WindowClosed.class).windowId());
        } else if (type.equals(EventTypes.DISPOSITIONS_PUBLISHED.type())) {
            DispositionsPublished dispositions = consumed.event().data(DispositionsPublished.class);
            notice(id, MailKind.DISPOSITIONS_PUBLISHED, MailAudience.REPRESENTATIVES_AND_STAKEHOLDERS, null,
                    "Answers published: " + dispositions.documentTitle() + " v" + dispositions.versionNumber(),
                    "The AI Office published its answers to the Taskforce's feedback on "
                            + dispositions.documentTitle() + ", version " + dispositions.versionNumber() + " ("
                            + dispositions.items().size() + " public items).", null);
        } else if (type.equals(EventTypes.PAPER_CIRCULATED.type())) {
            papers(id, consumed.event().data(PaperCirculated.class));
        }
    }

    /** A reminder falls due: its notice is made by the dispatcher's transaction, once (the notice is unique). */
    public void closingSoon(UUID aggregateId, MailKind kind, String title, OffsetDateTime closesAt) {
        boolean vote = kind == MailKind.VOTE_CLOSING_SOON;
        notice("closing-soon:" + aggregateId, kind, MailAudience.REPRESENTATIVES, null,
                (vote ? "Vote closes soon: " : "Input window closes soon: ") + title,
                (vote ? "Voting on \"" + title + "\"" : "The input window on " + title) + " closes on "
                        + local(closesAt) + ".", null);
    }

    /**
     * A webhook subscription was marked failing (in the dispatcher's transaction that records it): its owner gets an
     * e-mail, when membership-service knows an address for the owner's account (a representative's; a stakeholder's
     * account is not linked to an address there, so the owner reads it on the subscription only).
     */
    void webhookFailing(@Observes WebhookFailing failing) {
        if (failing.ownerUsername() == null) {
            return;
        }
        notice("webhook-failing:" + failing.subscriptionId() + ":" + failing.failingSince().toInstant(),
                MailKind.WEBHOOK_FAILING, MailAudience.PERSON, failing.ownerUsername().toLowerCase(Locale.ROOT),
                "Your webhook is failing", "Deliveries to your webhook subscription " + failing.subscriptionId()
                        + " (" + failing.url() + ") failed for the whole retry period and have stopped"
                        + (failing.reason() == null ? "." : ": " + failing.reason())
                        + "\n\nIts delivery log says more; re-enable it (POST /api/v1/notifications/webhooks/"
                        + failing.subscriptionId() + "/enable) once the endpoint answers again.", null);
    }

    private void convened(String eventId, MeetingConvened meeting) {
        entityManager.createNativeQuery("""
                        insert into mail_meeting (meeting_id, kind, title, starts_at, ends_at, location)
                        values (:id, :kind, :title, :startsAt, :endsAt, :location) on conflict do nothing""")
                .setParameter("id", meeting.meetingId()).setParameter("kind", meeting.kind().name())
                .setParameter("title", meeting.title()).setParameter("startsAt", meeting.startsAt())
                .setParameter("endsAt", meeting.endsAt()).setParameter("location", meeting.location())
                .executeUpdate();
        if (meeting.kind() == MeetingKind.PLENARY) {
            notice(eventId, MailKind.INVITATION, MailAudience.REPRESENTATIVES, null, "Invitation: " + meeting.title(),
                    "Your organisation is invited to the plenary \"" + meeting.title() + "\" on "
                            + local(meeting.startsAt()) + (meeting.location() == null ? "" : " at " + meeting.location())
                            + ".\n\nThe joining details are in the meeting, on the platform.",
                    calendar(meeting.meetingId(), meeting.title(), meeting.startsAt(), meeting.endsAt(), 0, false,
                            meeting.location()));
        }
    }

    private void rescheduled(String eventId, MeetingRescheduled moved) {
        Object[] meeting = nextSequence(moved.meetingId());
        if (meeting == null) {
            return;
        }
        entityManager.createNativeQuery(
                        "update mail_meeting set starts_at = :startsAt, ends_at = :endsAt where meeting_id = :id")
                .setParameter("id", moved.meetingId()).setParameter("startsAt", moved.startsAt())
                .setParameter("endsAt", moved.endsAt()).executeUpdate();
        if (MeetingKind.PLENARY.name().equals(meeting[0])) {
            String title = (String) meeting[1];
            notice(eventId, MailKind.INVITATION, MailAudience.REPRESENTATIVES, null, "New time: " + title,
                    "The plenary \"" + title + "\" moved to " + local(moved.startsAt())
                            + (moved.reason() == null ? "." : ": " + moved.reason()),
                    calendar(moved.meetingId(), title, moved.startsAt(), moved.endsAt(), (int) meeting[3], false,
                            (String) meeting[2]));
        }
    }

    private void cancelled(String eventId, MeetingCancelled cancelled) {
        Object[] meeting = nextSequence(cancelled.meetingId());
        if (meeting != null && MeetingKind.PLENARY.name().equals(meeting[0])) {
            String title = (String) meeting[1];
            notice(eventId, MailKind.INVITATION, MailAudience.REPRESENTATIVES, null, "Cancelled: " + title,
                    "The plenary \"" + title + "\" is cancelled"
                            + (cancelled.reason() == null ? "." : ": " + cancelled.reason()),
                    calendar(cancelled.meetingId(), title, utc(meeting[4]), utc(meeting[5]), (int) meeting[3], true,
                            (String) meeting[2]));
        }
    }

    /**
     * A meeting known from its convening, with its iCalendar SEQUENCE raised by one (a new time or a cancellation):
     * kind, title, location, the new sequence, start, end; null for a meeting convened before this service.
     */
    private Object[] nextSequence(UUID meetingId) {
        List<?> rows = entityManager.createNativeQuery("""
                        select kind, title, location, sequence + 1, starts_at, ends_at from mail_meeting
                        where meeting_id = :id for update""")
                .setParameter("id", meetingId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        entityManager.createNativeQuery("update mail_meeting set sequence = sequence + 1 where meeting_id = :id")
                .setParameter("id", meetingId).executeUpdate();
        Object[] row = (Object[]) rows.get(0);
        row[3] = ((Number) row[3]).intValue();
        return row;
    }

    private void agenda(String eventId, AgendaPublished agenda) {
        plenaryTitle(agenda.meetingId()).ifPresent(title -> {
            StringBuilder body = new StringBuilder("The agenda of \"" + title + "\""
                    + (agenda.revision() > 1 ? " changed (revision " + agenda.revision() + ")" : " was published") + ":\n");
            agenda.items().forEach(item -> body.append("\n").append(item.position()).append(". ").append(item.title()));
            notice(eventId, MailKind.AGENDA_PUBLISHED, MailAudience.REPRESENTATIVES, null, "Agenda: " + title,
                    body.toString(), null);
        });
    }

    /** A paper of a plenary circulated: its invitees, the current members' representatives, may read it. */
    private void papers(String eventId, PaperCirculated paper) {
        plenaryTitle(paper.meetingId()).ifPresent(title -> notice(eventId, MailKind.PAPERS_CIRCULATED,
                MailAudience.REPRESENTATIVES, null, "Paper: " + title,
                "The AI Office circulated the paper \"" + paper.title() + "\" for \"" + title + "\""
                        + (paper.agendaItem() == null ? "" : " (agenda item " + paper.agendaItem() + ")")
                        + (paper.late() ? ", later than " + paper.dueOn() + " when it was due" : "")
                        + ".\n\nIt is on the platform with the meeting's papers.", null));
    }

    /** The title of a plenary convened (only plenaries' invitees are known here), or empty. */
    private java.util.Optional<String> plenaryTitle(UUID meetingId) {
        List<?> rows = entityManager.createNativeQuery("select kind, title from mail_meeting where meeting_id = :id")
                .setParameter("id", meetingId).getResultList();
        if (rows.isEmpty() || !MeetingKind.PLENARY.name().equals(((Object[]) rows.get(0))[0])) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((String) ((Object[]) rows.get(0))[1]);
    }

    private void deadline(UUID aggregateId, MailKind kind, String title, OffsetDateTime closesAt) {
        entityManager.createNativeQuery("""
                        insert into mail_deadline (aggregate_id, kind, title, closes_at, remind_at)
                        values (:id, :kind, :title, :closesAt, :remindAt) on conflict do nothing""")
                .setParameter("id", aggregateId).setParameter("kind", kind.name())
                .setParameter("title", truncate(title, 500)).setParameter("closesAt", closesAt)
                .setParameter("remindAt", closesAt.minus(config.closingSoonBefore())).executeUpdate();
    }

    private void closed(UUID aggregateId) {
        entityManager.createNativeQuery("delete from mail_deadline where aggregate_id = :id")
                .setParameter("id", aggregateId).executeUpdate();
    }

    private void notice(String eventId, MailKind kind, MailAudience audience, String person, String subject,
                        String body, String calendar) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        entityManager.createNativeQuery("""
                        insert into mail_notice (id, kind, audience, person, event_id, subject, body, calendar,
                                                 created_at, next_attempt_at)
                        values (:id, :kind, :audience, :person, :eventId, :subject, :body, :calendar, :now, :now)
                        on conflict (event_id, kind) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("kind", kind.name())
                .setParameter("audience", audience.name()).setParameter("person", person)
                .setParameter("eventId", eventId).setParameter("subject", truncate(subject, 300))
                .setParameter("body", body).setParameter("calendar", calendar).setParameter("now", now)
                .executeUpdate();
    }

    private String calendar(UUID meetingId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
                            int sequence, boolean cancelled, String location) {
        return ICalendarWriter.write(PRODUCT, title, List.of(new ICalendarWriter.Event(meetingId, title, startsAt,
                endsAt, OffsetDateTime.now(clock), (long) sequence, cancelled, location, title, null)));
    }

    private String local(OffsetDateTime time) {
        return time.atZoneSameInstant(config.zone()).format(WHEN);
    }

    private static OffsetDateTime utc(Object value) {
        return eu.taskforce.platform.personaldata.PersonalData.utc(value).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
