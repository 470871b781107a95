package eu.taskforce.contracts.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A meeting took place; the AI Office recorded which organisations attended.
 *
 * @param meetingId           the aggregate id: the CloudEvents subject and the Kafka key
 * @param attendance          the member organisations that attended
 * @param individualAttendees how many individually invited stakeholders or experts attended (never their names)
 * @param stakeholderAttendees the register ids (membership-service stakeholders) of those attendees whose invitation
 *                            named one, never a name; null in events written before invitations named them
 */
public record MeetingHeld(UUID meetingId, String title, MeetingKind kind, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, List<Attendee> attendance, int individualAttendees,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> stakeholderAttendees) {

    /** A meeting held without attendees named by their stakeholder id (as events were before). */
    public MeetingHeld(UUID meetingId, String title, MeetingKind kind, OffsetDateTime startsAt, OffsetDateTime endsAt,
                       List<Attendee> attendance, int individualAttendees) {
        this(meetingId, title, kind, startsAt, endsAt, attendance, individualAttendees, null);
    }

    /** An organisation that attended. */
    public record Attendee(UUID organisationId, String organisationName) {
    }
}
