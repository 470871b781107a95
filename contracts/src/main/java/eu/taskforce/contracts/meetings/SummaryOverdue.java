package eu.taskforce.contracts.meetings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The public summary of a meeting held was not published within the time the AI Office set itself (30 days by
 * default). Sent once per meeting.
 *
 * @param meetingId the aggregate id: the CloudEvents subject and the Kafka key
 * @param heldOn    the day the meeting ended (UTC)
 * @param dueOn     the day the summary was due
 */
public record SummaryOverdue(UUID meetingId, LocalDate heldOn, LocalDate dueOn) {
}
