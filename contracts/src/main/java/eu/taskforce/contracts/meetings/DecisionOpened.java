package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The AI Office put a question to the member organisations (for example: invite an external expert).
 *
 * @param decisionId the aggregate id: the CloudEvents subject and the Kafka key
 * @param closesAt   when voting ends, in UTC
 * @param meetingId  the meeting the decision belongs to, if any
 */
public record DecisionOpened(UUID decisionId, String question, DecisionThreshold threshold, OffsetDateTime closesAt,
                             UUID meetingId) {
}
