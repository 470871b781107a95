package eu.taskforce.contracts.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A signatory became a Member of the Signatory Taskforce: a new membership period began.
 *
 * @param signatoryId      the aggregate id (the member organisation), also the subject and the Kafka key
 * @param membershipId     the id of this membership period
 * @param organisationName the organisation's name, repeated so that a subscriber needs no other event to show it
 * @param joinedOn         the first day of the period
 */
public record MembershipStarted(UUID signatoryId, UUID membershipId, String organisationName, LocalDate joinedOn) {
}
