package eu.taskforce.contracts.meetings;

import java.util.UUID;

/**
 * The AI Office declined a request to convene a meeting; the reason is public.
 *
 * @param requestId the aggregate id: the CloudEvents subject and the Kafka key
 * @param reason    the AI Office's reason, published as given
 */
public record MeetingRequestDeclined(UUID requestId, String reason) {
}
