package eu.taskforce.contracts.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Voting on a decision closed and its result was computed. The counts are public; who voted how is not.
 *
 * @param decisionId the aggregate id: the CloudEvents subject and the Kafka key
 * @param quorum     the share of member organisations, in percent, that had to take part
 * @param eligible   the member organisations at closing: the votes of these are counted, and the quorum is their
 *                   share (quorum and eligible are null in version 1)
 * @param subject    what the decision decides, if the AI Office named it
 */
public record DecisionClosed(UUID decisionId, String question, DecisionThreshold threshold, DecisionResult result,
                             int yes, int no, int abstain, OffsetDateTime closedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer quorum,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer eligible,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DecisionSubject subject) {
}
