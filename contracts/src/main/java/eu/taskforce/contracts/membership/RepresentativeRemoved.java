package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * A representative no longer represents its organisation.
 *
 * @param organisationId   the member organisation: the CloudEvents subject and the Kafka key
 * @param representativeId the representative's id
 */
public record RepresentativeRemoved(UUID organisationId, UUID representativeId) {
}
