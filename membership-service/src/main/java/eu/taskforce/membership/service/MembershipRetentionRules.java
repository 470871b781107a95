package eu.taskforce.membership.service;

import eu.taskforce.platform.retention.RetentionRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * This service's retention rules, run by the platform's purge beside the platform's own; the periods are in
 * application.properties, the reasons in docs/retention.md.
 */
@Singleton
public class MembershipRetentionRules {

    /**
     * A removed representative's contact: the e-mail and the account name served only to reach and recognise the person
     * while appointed. The name stays (the history of who represented whom; published only with consent, which the
     * person can still withdraw or erase).
     */
    @Produces
    RetentionRule removedRepresentativeContact() {
        return RetentionRule.of("removed-representative-contact", """
                update representative set email = null, username = null, updated_at = now(), version = version + 1
                where id in (
                    select id from representative where removed_at < :cutoff and (email is not null or username is not null)
                    order by removed_at limit :limit for update skip locked)""");
    }

    /** A removed stakeholder's contact e-mail, likewise. */
    @Produces
    RetentionRule removedStakeholderContact() {
        return RetentionRule.of("removed-stakeholder-contact", """
                update stakeholder set contact_email = null, updated_at = now(), version = version + 1
                where id in (
                    select id from stakeholder where removed_at < :cutoff and contact_email is not null
                    order by removed_at limit :limit for update skip locked)""");
    }
}
