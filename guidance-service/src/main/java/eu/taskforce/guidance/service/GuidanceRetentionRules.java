package eu.taskforce.guidance.service;

import eu.taskforce.platform.retention.RetentionRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * This service's retention rules, run by the platform's purge beside the platform's own; the periods are in
 * application.properties, the reasons in docs/retention.md.
 */
@Singleton
public class GuidanceRetentionRules {

    /**
     * The text of withdrawn feedback (and the wording it proposed), in the item and in every revision of it (earlier states may have been
     * confidential even when the last was public): a withdrawn item gets no disposition and is never published, so
     * once its period has passed since the withdrawal (its last change) the text is emptied. The item stays, so the
     * counts and the audit trail still add up; {@code updated_at} and the version move, so a mirror syncing by
     * {@code updatedSince} and a client holding an ETag see the change.
     */
    @Produces
    RetentionRule withdrawnFeedbackText() {
        return RetentionRule.of("feedback-withdrawn-text", """
                with batch as (
                    select id from feedback where withdrawn and (text <> '' or proposed_text is not null) and updated_at < :cutoff
                    order by updated_at limit :limit for update skip locked),
                revisions as (
                    update feedback_revision r set text = '', proposed_text = null from batch
                    where r.feedback_id = batch.id and (r.text <> '' or r.proposed_text is not null))
                update feedback f set text = '', proposed_text = null, updated_at = now(), version = f.version + 1
                from batch where f.id = batch.id""");
    }
}
