package eu.taskforce.platform.api;

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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Meetings as iCalendar (RFC 5545), written with ical4j: meeting-service's feeds and the register's feed of upcoming
 * meetings. Times are in UTC; the UID is the meeting's id in every feed, so a calendar that subscribes to several shows
 * one event, and SEQUENCE (where given) is the meeting's version, so that a client updates an event that moved.
 */
public final class ICalendarWriter {

    public static final String MEDIA_TYPE = "text/calendar;charset=utf-8";

    /**
     * One meeting of a feed. {@code sequence}, {@code location} and {@code url} may be null (left out).
     *
     * @param stamp when the event was last written (DTSTAMP)
     */
    public record Event(UUID id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime stamp,
                        Long sequence, boolean cancelled, String location, String description, String url) {
    }

    /**
     * @param product the PRODID of the feed
     * @param name    the calendar's name (X-WR-CALNAME)
     */
    public static String write(String product, String name, List<Event> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(product));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // no METHOD: a subscribed feed is not an iTIP message (PUBLISH would require an ORGANIZER per event)
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (Event event : events) {
            calendar.add(event(event));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Event meeting) {
        VEvent event = new VEvent(meeting.startsAt().toInstant(), meeting.endsAt().toInstant(), meeting.title());
        event.replace(new DtStamp(meeting.stamp().toInstant()));
        event.add(new Uid(meeting.id() + "@meetings.signatory-taskforce.eu"));
        if (meeting.sequence() != null) {
            event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, meeting.sequence())));
        }
        event.add(meeting.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (meeting.location() != null) {
            event.add(new Location(meeting.location()));
        }
        event.add(new Description(meeting.description()));
        if (meeting.url() != null) {
            event.add(new Url(URI.create(meeting.url())));
        }
        return event;
    }

    private ICalendarWriter() {
    }
}
