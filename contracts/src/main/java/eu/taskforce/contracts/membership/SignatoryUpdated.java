package eu.taskforce.contracts.membership;

import eu.taskforce.contracts.reference.Chapter;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A signatory's details or the chapters it signed changed; carries the whole public state after the change.
 *
 * @param signatoryId the aggregate id, also the CloudEvents subject and the Kafka key
 * @param chapters    the chapters it has signed from {@code effectiveOn} (never empty)
 * @param effectiveOn the day the change of chapters took effect
 */
public record SignatoryUpdated(UUID signatoryId, String name, String country, String website, Set<Chapter> chapters,
                               LocalDate signedOn, LocalDate effectiveOn) {
}
