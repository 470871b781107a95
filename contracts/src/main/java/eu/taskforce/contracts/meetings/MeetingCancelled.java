package eu.taskforce.contracts.meetings;

import java.util.UUID;

/**
 * A meeting was cancelled; the reason is public.
 *
 * @param meetingId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record MeetingCancelled(UUID meetingId, String reason) {
}
