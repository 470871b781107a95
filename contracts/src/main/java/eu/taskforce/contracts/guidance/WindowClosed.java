package eu.taskforce.contracts.guidance;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An input window closed: at its closing time (a scheduled job), or earlier by the AI Office ({@code closedEarly}).
 * The counts are of the feedback items not withdrawn.
 *
 * @param windowId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record WindowClosed(UUID windowId, UUID documentId, String documentTitle, int versionNumber,
                           OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime closedAt,
                           boolean closedEarly, int publicItems, int confidentialItems) {
}
