package eu.taskforce.contracts.guidance;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The AI Office opened a Taskforce input window on a version: member organisations may give feedback from
 * {@code opensAt} until {@code closesAt}. Taskforce input, separate from any public consultation.
 *
 * @param windowId the aggregate id: the CloudEvents subject and the Kafka key (every feedback and disposition event
 *                 of the window has it too, so they stay in order)
 */
public record WindowOpened(UUID windowId, UUID documentId, String documentTitle, UUID versionId, int versionNumber,
                           OffsetDateTime opensAt, OffsetDateTime closesAt) {
}
