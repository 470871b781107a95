package eu.taskforce.notification.service;

import eu.taskforce.platform.retention.RetentionRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * This service's retention rules, run by the platform's purge beside the platform's own; the periods are in
 * application.properties, the reasons in docs/retention.md.
 */
@Singleton
public class NotificationRetentionRules {

    /**
     * A delivery's log entry, once it is finished (delivered, failed or skipped): it shows the owner what reached the
     * endpoint; a month is ample to look into a problem. A PENDING delivery is never purged (it ends within the retry
     * period).
     */
    @Produces
    RetentionRule finishedDeliveries() {
        return RetentionRule.of("webhook-delivery", """
                delete from webhook_delivery where id in (
                    select id from webhook_delivery where status <> 'PENDING' and finished_at < :cutoff
                    order by finished_at limit :limit for update skip locked)""");
    }
}
