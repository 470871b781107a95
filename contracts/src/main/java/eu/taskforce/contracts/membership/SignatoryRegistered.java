package eu.taskforce.contracts.membership;

import eu.taskforce.contracts.reference.Chapter;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A signatory of the Code of Practice was registered. Public: the signatory list is published by the Commission.
 *
 * @param signatoryId the aggregate id, also the CloudEvents subject and the Kafka key
 * @param name        the organisation's name
 * @param country     ISO 3166-1 alpha-2 code of the organisation's seat
 * @param website     the organisation's website, if known
 * @param chapters    the chapters of the Code it signed (never empty)
 * @param signedOn    the date it signed
 */
public record SignatoryRegistered(UUID signatoryId, String name, String country, String website,
                                  Set<Chapter> chapters, LocalDate signedOn) {
}
