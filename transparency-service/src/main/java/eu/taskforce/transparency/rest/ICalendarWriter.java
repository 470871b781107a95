package eu.taskforce.transparency.rest;

import eu.taskforce.transparency.rest.RegisterDtos.AgendaItem;
import eu.taskforce.transparency.rest.RegisterDtos.Meeting;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Upcoming meetings as iCalendar (RFC 5545), written with ical4j. The UID is the one meeting-service's public feed
 * uses, so a calendar that subscribes to both shows one event; times are UTC. meeting-service has a writer of its own
 * over its entity; a shared one belongs in platform once both can use it (meeting-service is not changed here).
 */
final class ICalendarWriter {

    static final String MEDIA_TYPE = "text/calendar;charset=utf-8";
    static final String PRODUCT = "-//EU AI Office//Signatory Taskforce public register//EN";

    static String write(List<Meeting> meetings, OffsetDateTime stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // no METHOD: a subscribed feed is not an iTIP message (PUBLISH would require an ORGANIZER per event)
        calendar.add(new XProperty("X-WR-CALNAME", "Signatory Taskforce: upcoming meetings"));
        for (Meeting meeting : meetings) {
            VEvent event = new VEvent(meeting.startsAt().toInstant(), meeting.endsAt().toInstant(), meeting.title());
            event.replace(new DtStamp(stamp.toInstant()));
            event.add(new Uid(meeting.id() + "@meetings.signatory-taskforce.eu"));
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
            if (meeting.location() != null) {
                event.add(new Location(meeting.location()));
            }
            event.add(new Description(description(meeting)));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String description(Meeting meeting) {
        StringBuilder text = new StringBuilder(meeting.kind() + ", " + meeting.format() + " (" + meeting.timeZone() + ")");
        if (meeting.agenda() != null) {
            text.append("\nAgenda (revision ").append(meeting.agendaRevision()).append("):");
            for (AgendaItem item : meeting.agenda()) {
                text.append("\n").append(item.position()).append(". ").append(item.title());
            }
        } else {
            text.append("\nThe agenda is not published yet.");
        }
        return text.toString();
    }

    private ICalendarWriter() {
    }
}
