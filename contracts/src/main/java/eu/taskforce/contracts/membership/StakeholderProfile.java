package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * The public projection of a third-party stakeholder or invited expert, sent when one is registered or changed.
 * Only with consent to be listed publicly do the name and field of expertise travel; contact details never do.
 *
 * @param stakeholderId    the aggregate id: the CloudEvents subject and the Kafka key
 * @param kind             ORGANISATION or PERSON
 * @param listedPublicly   whether the stakeholder consented to be listed publicly
 * @param name             the name, only when listed publicly
 * @param fieldOfExpertise the field of expertise, only when listed publicly
 */
public record StakeholderProfile(UUID stakeholderId, Kind kind, boolean listedPublicly, String name,
                                 String fieldOfExpertise) {

    public enum Kind { ORGANISATION, PERSON }
}
