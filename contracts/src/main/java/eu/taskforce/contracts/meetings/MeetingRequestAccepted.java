package eu.taskforce.contracts.meetings;

import java.util.UUID;

/**
 * The AI Office accepted a request and convened a meeting for it ({@link MeetingConvened} names the request too).
 *
 * @param requestId the aggregate id: the CloudEvents subject and the Kafka key
 * @param meetingId the meeting convened for it
 */
public record MeetingRequestAccepted(UUID requestId, UUID meetingId) {
}
