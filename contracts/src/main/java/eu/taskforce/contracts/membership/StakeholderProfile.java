package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * The public projection of a third-party stakeholder or invited expert, sent when one is registered or changed (type
 * version 2). Only with consent to be listed publicly is anything but the id public. An organisation's name and field
 * of expertise are not personal data and travel in clear; a person's travel only as commitments
 * ({@code publicName}, {@code publicFieldOfExpertise}), resolved by the public register while the consent lasts.
 * Contact details never travel.
 *
 * @param stakeholderId          the aggregate id: the CloudEvents subject and the Kafka key
 * @param kind                   ORGANISATION or PERSON
 * @param listedPublicly         whether the stakeholder currently consents to be listed publicly
 * @param name                   an organisation's name when listed publicly; null for a person
 * @param fieldOfExpertise       an organisation's field of expertise when listed publicly; null for a person
 * @param publicName             a commitment to a person's name when listed publicly; null for an organisation
 * @param publicFieldOfExpertise a commitment to a person's field of expertise when listed publicly; null otherwise
 */
public record StakeholderProfile(UUID stakeholderId, Kind kind, boolean listedPublicly, String name,
                                 String fieldOfExpertise, PersonalField publicName,
                                 PersonalField publicFieldOfExpertise) {

    public enum Kind { ORGANISATION, PERSON }
}
