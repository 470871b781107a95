package eu.taskforce.notification.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A subscription became FAILING: a delivery failed for the whole retry period. Fired as a CDI event in the transaction
 * that records it, so that an observer can tell the owner (the e-mail feature sends the e-mail); the owner also sees the
 * status and its reason on the subscription in the API.
 *
 * @param ownerSubject  the owner's token subject
 * @param ownerUsername the owner's account name (null when the token had none)
 * @param reason        the last error, as the delivery log shows it
 */
public record WebhookFailing(UUID subscriptionId, String ownerSubject, String ownerUsername, String url, String reason,
                             OffsetDateTime failingSince) {
}
