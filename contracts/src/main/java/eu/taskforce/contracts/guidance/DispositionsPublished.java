package eu.taskforce.contracts.guidance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The AI Office published its answers to the feedback of a closed window, all together. The PUBLIC items become public
 * with their text, disposition and response; the CONFIDENTIAL ones only as counts per disposition.
 *
 * @param windowId     the aggregate id: the CloudEvents subject and the Kafka key
 * @param items        the PUBLIC items not withdrawn, in the order they were submitted
 * @param confidential how many CONFIDENTIAL items got each disposition (every disposition listed, zero included)
 */
public record DispositionsPublished(UUID windowId, UUID documentId, String documentTitle, UUID versionId,
                                    int versionNumber, OffsetDateTime opensAt, OffsetDateTime closesAt,
                                    List<PublicItem> items, List<DispositionCount> confidential,
                                    OffsetDateTime publishedAt) {

    /**
     * One PUBLIC item and the AI Office's answer.
     *
     * @param sectionKey     null when the item is on the whole version
     * @param organisationId null when the item is ANONYMOUS
     */
    public record PublicItem(UUID feedbackId, String sectionKey, String sectionTitle, Attribution attribution,
                             UUID organisationId, String organisationName, String text, Disposition disposition,
                             String response) {
    }

    /** How many items got a disposition. */
    public record DispositionCount(Disposition disposition, int count) {
    }
}
