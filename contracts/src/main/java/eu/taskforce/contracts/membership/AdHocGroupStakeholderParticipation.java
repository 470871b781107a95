package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * A third-party stakeholder or invited expert of the register joined or left an ad-hoc group. It carries the
 * stakeholder's id only: whatever may be shown of the stakeholder (its name, with consent) is in its own profile
 * events, so that withdrawing consent or erasure leaves nothing behind here.
 *
 * @param groupId       the aggregate id: the CloudEvents subject and the Kafka key
 * @param stakeholderId the stakeholder (its id in membership-service's register)
 */
public record AdHocGroupStakeholderParticipation(UUID groupId, UUID stakeholderId) {
}
