package eu.taskforce.contracts.membership;

import java.util.List;
import java.util.UUID;

/**
 * Personal values that were published are no longer: their openings are gone, so the commitments can no longer be
 * resolved. Whoever copied a value (a mirror of the register, a subscriber) deletes it and may keep the commitment.
 * Says that a value was withdrawn and why, never what it was. Erasure has events of its own
 * ({@link RepresentativeErased}, {@link StakeholderErased}).
 *
 * @param subject        whose values: a REPRESENTATIVE or a STAKEHOLDER
 * @param organisationId the member organisation of a representative (the CloudEvents subject and the Kafka key, so
 *                       that it stays in order with the representative's profile events); null for a stakeholder,
 *                       whose id is then the subject and the key
 * @param ref            the person: the representative's or stakeholder's id
 * @param commitments    the commitments of the withdrawn values
 * @param reason         why
 */
public record PersonalDataWithdrawn(Subject subject, UUID organisationId, UUID ref, List<String> commitments,
                                    Reason reason) {

    public enum Subject { REPRESENTATIVE, STAKEHOLDER }

    public enum Reason {
        /** The person withdrew their consent to publication. */
        CONSENT_WITHDRAWN,
        /** The value was corrected; the new value, if published, comes with a new commitment. */
        RECTIFIED
    }
}
