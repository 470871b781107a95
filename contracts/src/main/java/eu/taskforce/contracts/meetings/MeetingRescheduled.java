package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A meeting moved to another time.
 *
 * @param meetingId        the aggregate id: the CloudEvents subject and the Kafka key
 * @param previousStartsAt the start it had before, in UTC
 * @param reason           the AI Office's reason, if it gave one
 */
public record MeetingRescheduled(UUID meetingId, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                                 OffsetDateTime previousStartsAt, String reason) {
}
