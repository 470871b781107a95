package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * The public projection of a member organisation's representative, sent when one is appointed or changed (type
 * version 2). The name is personal data: it never travels in clear; with the person's current consent the event
 * carries a commitment to it ({@code publicName}), which the public register resolves while the consent lasts.
 * Contact details never travel in events.
 *
 * @param organisationId   the member organisation (its signatory id): the CloudEvents subject and the Kafka key
 * @param representativeId the representative's id
 * @param role             PRINCIPAL or ALTERNATE
 * @param publicName       a commitment to the person's name while they consent to its publication, otherwise null
 */
public record RepresentativeProfile(UUID organisationId, UUID representativeId, RepresentativeRole role,
                                    PersonalField publicName) {
}
