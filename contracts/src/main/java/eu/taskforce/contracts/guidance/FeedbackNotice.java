package eu.taskforce.contracts.guidance;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The public projection of a feedback item that was submitted, updated or withdrawn. It never carries the text (public
 * items become public with their dispositions). A CONFIDENTIAL item is only a count: no id, no section. No notice names
 * the organisation: its author may change the attribution until the window closes, and an organisation named once
 * could then be linked to an item that ends up anonymous; the organisation of an ATTRIBUTED item is named when the
 * dispositions are published.
 *
 * @param windowId          the aggregate id: the CloudEvents subject and the Kafka key
 * @param feedbackId        the item, when it is PUBLIC (or was PUBLIC before this change, so that it can be dropped)
 * @param visibility        the item's visibility after the change
 * @param sectionKey        the section it is anchored on, for a PUBLIC item; null for the whole version
 * @param attribution       for a PUBLIC item, as its author chose (so far)
 * @param publicItems       the window's PUBLIC items not withdrawn, after the change
 * @param confidentialItems the window's CONFIDENTIAL items not withdrawn, after the change
 */
public record FeedbackNotice(UUID windowId, UUID documentId, String documentTitle, int versionNumber, UUID feedbackId,
                             Visibility visibility, String sectionKey, String sectionTitle, Attribution attribution,
                             int publicItems, int confidentialItems, OffsetDateTime occurredAt) {
}
