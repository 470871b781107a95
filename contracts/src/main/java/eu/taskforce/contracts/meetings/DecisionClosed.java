package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Voting on a decision closed and its result was computed. The counts are public; who voted how is not.
 *
 * @param decisionId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record DecisionClosed(UUID decisionId, String question, DecisionThreshold threshold, DecisionResult result,
                             int yes, int no, int abstain, OffsetDateTime closedAt) {
}
