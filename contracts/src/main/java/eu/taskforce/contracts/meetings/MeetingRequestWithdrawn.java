package eu.taskforce.contracts.meetings;

import java.util.UUID;

/**
 * The organisation that filed a request withdrew it before the AI Office decided.
 *
 * @param requestId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record MeetingRequestWithdrawn(UUID requestId) {
}
