package eu.taskforce.contracts.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The AI Office put a question to the member organisations (for example: invite an external expert).
 *
 * @param decisionId the aggregate id: the CloudEvents subject and the Kafka key
 * @param closesAt   when voting ends, in UTC
 * @param meetingId  the meeting the decision belongs to, if any
 * @param quorum     the share of current member organisations, in percent, that must take part for a result (null
 *                   in version 1)
 * @param subject    what the decision decides, if the AI Office named it
 */
public record DecisionOpened(UUID decisionId, String question, DecisionThreshold threshold, OffsetDateTime closesAt,
                             UUID meetingId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer quorum,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DecisionSubject subject) {
}
