package eu.taskforce.contracts.membership;

import java.util.List;
import java.util.UUID;

/**
 * A representative's personal data was erased (on the person's request, by the person or the AI Office). Every
 * subscriber forgets whatever personal data it holds about {@code representativeId}: names, e-mails, account names,
 * and any value of the listed commitments. The representative is also removed, if it was not already.
 *
 * @param organisationId   the member organisation: the CloudEvents subject and the Kafka key
 * @param representativeId the representative's id
 * @param commitments      every commitment ever published for the person's values (all of them now unresolvable)
 */
public record RepresentativeErased(UUID organisationId, UUID representativeId, List<String> commitments) {
}
