package eu.taskforce.contracts.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A membership period ended: the organisation left the Taskforce, or its signature was withdrawn.
 *
 * @param signatoryId  the aggregate id (the member organisation), also the subject and the Kafka key
 * @param membershipId the id of the period that ended
 * @param leftOn       the last day of the period
 * @param reason       why it ended
 */
public record MembershipEnded(UUID signatoryId, UUID membershipId, LocalDate leftOn, Reason reason) {

    public enum Reason { LEFT, SIGNATURE_WITHDRAWN }
}
