package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A meeting took place; the AI Office recorded which organisations attended.
 *
 * @param meetingId           the aggregate id: the CloudEvents subject and the Kafka key
 * @param attendance          the member organisations that attended
 * @param individualAttendees how many individually invited stakeholders or experts attended (never their names)
 */
public record MeetingHeld(UUID meetingId, String title, MeetingKind kind, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, List<Attendee> attendance, int individualAttendees) {

    /** An organisation that attended. */
    public record Attendee(UUID organisationId, String organisationName) {
    }
}
