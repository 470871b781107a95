package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.AgendaItem;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.platform.api.ICalendarWriter;

import java.util.List;

/**
 * This service's meetings as the events of an iCalendar feed (the platform's {@link ICalendarWriter}): stamped with the
 * time of the last change, SEQUENCE the meeting's version, a cancelled meeting CANCELLED.
 */
final class CalendarEvents {

    static final String PRODUCT = "-//EU AI Office//Signatory Taskforce meetings//EN";

    /**
     * @param withJoiningLinks whether the events carry the joining links (personal feeds of invitees only)
     */
    static String write(String name, List<Meeting> meetings, boolean withJoiningLinks) {
        return ICalendarWriter.write(PRODUCT, name, meetings.stream().map(m -> event(m, withJoiningLinks)).toList());
    }

    private static ICalendarWriter.Event event(Meeting meeting, boolean withJoiningLink) {
        boolean link = withJoiningLink && meeting.joiningLink != null;
        return new ICalendarWriter.Event(meeting.id, meeting.title, meeting.startsAt, meeting.endsAt, meeting.updatedAt,
                meeting.version, meeting.status == MeetingStatus.CANCELLED, meeting.location,
                description(meeting, link), link ? meeting.joiningLink : null);
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

    private CalendarEvents() {
    }
}
