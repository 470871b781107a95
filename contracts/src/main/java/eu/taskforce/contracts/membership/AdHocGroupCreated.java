package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * The AI Office formed an ad-hoc group of the Taskforce (for example on open-source models).
 *
 * @param groupId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record AdHocGroupCreated(UUID groupId, String name, String description) {
}
