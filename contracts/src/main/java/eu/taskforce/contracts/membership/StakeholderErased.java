package eu.taskforce.contracts.membership;

import java.util.List;
import java.util.UUID;

/**
 * A third-party stakeholder's personal data was erased. Every subscriber forgets whatever personal data it holds about
 * {@code stakeholderId} and any value of the listed commitments. The stakeholder is also removed, if it was not already.
 *
 * @param stakeholderId the aggregate id: the CloudEvents subject and the Kafka key
 * @param commitments   every commitment ever published for the person's values (all of them now unresolvable)
 */
public record StakeholderErased(UUID stakeholderId, List<String> commitments) {
}
