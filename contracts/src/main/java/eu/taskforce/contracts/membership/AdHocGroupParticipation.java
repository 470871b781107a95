package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * A member organisation joined or left an ad-hoc group.
 *
 * @param groupId          the aggregate id: the CloudEvents subject and the Kafka key
 * @param organisationId   the member organisation (its signatory id)
 * @param organisationName its name, so that a subscriber needs no other event to show it
 */
public record AdHocGroupParticipation(UUID groupId, UUID organisationId, String organisationName) {
}
