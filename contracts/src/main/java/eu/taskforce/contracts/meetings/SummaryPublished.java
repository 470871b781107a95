package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The AI Office published the high-level public summary of a meeting held. The minutes and the confidential annex
 * stay in meeting-service; each withheld part is listed with its title and the reason, never its content.
 *
 * @param meetingId     the aggregate id: the CloudEvents subject and the Kafka key
 * @param summary       the public summary
 * @param withheldParts what is not published, and why
 */
public record SummaryPublished(UUID meetingId, String summary, List<WithheldPart> withheldParts,
                               OffsetDateTime publishedAt) {

    /** A part of the minutes that is withheld from publication: its title and the reason, never its content. */
    public record WithheldPart(String title, WithholdingReason reason) {
    }
}
