package eu.taskforce.contracts.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A signatory withdrew its signature of the Code. A current Taskforce membership ends with it (a separate
 * {@link MembershipEnded} event with reason {@code SIGNATURE_WITHDRAWN} follows).
 *
 * @param signatoryId the aggregate id, also the CloudEvents subject and the Kafka key
 * @param withdrawnOn the day the signature was withdrawn
 */
public record SignatureWithdrawn(UUID signatoryId, LocalDate withdrawnOn) {
}
