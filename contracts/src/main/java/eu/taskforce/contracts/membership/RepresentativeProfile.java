package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * The public projection of a member organisation's representative, sent when one is appointed or changed.
 * Personal names are personal data: {@code publicName} is set only when the person consented to publication.
 * Contact details never travel in events.
 *
 * @param organisationId   the member organisation (its signatory id): the CloudEvents subject and the Kafka key
 * @param representativeId the representative's id
 * @param role             PRINCIPAL or ALTERNATE
 * @param publicName       the person's name when they consented to its publication, otherwise null
 */
public record RepresentativeProfile(UUID organisationId, UUID representativeId, RepresentativeRole role,
                                    String publicName) {
}
