package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.AgendaItem;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * Meetings as iCalendar (RFC 5545), written with ical4j. Times are in UTC; the UID is stable per meeting and the
 * SEQUENCE is the meeting's version, so that a calendar client updates an event that moved or was cancelled.
 */
final class ICalendarWriter {

    static final String MEDIA_TYPE = "text/calendar;charset=utf-8";
    static final String PRODUCT = "-//EU AI Office//Signatory Taskforce meetings//EN";

    /**
     * @param withJoiningLinks whether the events carry the joining links (personal feeds of invitees only)
     */
    static String write(String name, List<Meeting> meetings, boolean withJoiningLinks) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // no METHOD: a subscribed feed is not an iTIP message (PUBLISH would require an ORGANIZER per event)
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (Meeting meeting : meetings) {
            calendar.add(event(meeting, withJoiningLinks));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Meeting meeting, boolean withJoiningLink) {
        VEvent event = new VEvent(meeting.startsAt.toInstant(), meeting.endsAt.toInstant(), meeting.title);
        event.replace(new DtStamp(meeting.updatedAt.toInstant()));
        event.add(new Uid(meeting.id + "@meetings.signatory-taskforce.eu"));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, meeting.version)));
        event.add(meeting.status == MeetingStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        if (meeting.location != null) {
            event.add(new Location(meeting.location));
        }
        boolean link = withJoiningLink && meeting.joiningLink != null;
        event.add(new Description(description(meeting, link)));
        if (link) {
            event.add(new Url(URI.create(meeting.joiningLink)));
        }
        return event;
    }

    private static String description(Meeting meeting, boolean withJoiningLink) {
        StringBuilder text = new StringBuilder(meeting.kind + ", " + meeting.format + " (" + meeting.timeZone + ")");
        if (meeting.status == MeetingStatus.CANCELLED && meeting.cancellationReason != null) {
            text.append("\nCancelled: ").append(meeting.cancellationReason);
        }
        if (withJoiningLink) {
            text.append("\nJoin: ").append(meeting.joiningLink);
        }
        if (meeting.agendaPublished()) {
            text.append("\nAgenda:");
            for (int i = 0; i < meeting.agenda.size(); i++) {
                AgendaItem item = meeting.agenda.get(i);
                text.append("\n").append(i + 1).append(". ").append(item.title);
            }
        }
        return text.toString();
    }

    private ICalendarWriter() {
    }
}
