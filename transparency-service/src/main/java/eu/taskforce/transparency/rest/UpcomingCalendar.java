package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.ICalendarWriter;
import eu.taskforce.transparency.query.RegisterDtos.AgendaItem;
import eu.taskforce.transparency.query.RegisterDtos.Meeting;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The register's upcoming meetings as an iCalendar feed (the platform's {@link ICalendarWriter}, whose UIDs are the ones
 * meeting-service's feeds use, so a calendar that subscribes to both shows one event). No SEQUENCE: the register does
 * not hold the meeting's version; every event is stamped with the feed's {@code stamp}.
 */
final class UpcomingCalendar {

    static final String PRODUCT = "-//EU AI Office//Signatory Taskforce public register//EN";

    /**
     * The feed of {@code meetings}. Every event's DTSTAMP is the same stable time (the earliest of their summaries'
     * publication or start), so that the feed's ETag changes only when the meetings do.
     */
    static String write(List<Meeting> meetings) {
        OffsetDateTime stamp = meetings.isEmpty() ? OffsetDateTime.parse("2026-01-30T00:00:00Z")
                : meetings.stream().map(m -> m.summaryPublishedAt() != null ? m.summaryPublishedAt() : m.startsAt())
                .min(OffsetDateTime::compareTo).orElseThrow();
        return ICalendarWriter.write(PRODUCT, "Signatory Taskforce: upcoming meetings", meetings.stream()
                .map(m -> new ICalendarWriter.Event(m.id(), m.title(), m.startsAt(), m.endsAt(), stamp, null, false,
                        m.location(), description(m), null))
                .toList());
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

    private UpcomingCalendar() {
    }
}
