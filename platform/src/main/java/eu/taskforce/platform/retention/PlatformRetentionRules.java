package eu.taskforce.platform.retention;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The retention rules of the platform's own tables, in every service that has them (db/platform). Their periods are
 * in the platform's META-INF/microprofile-config.properties; docs/retention.md says why.
 */
@Singleton
public class PlatformRetentionRules {

    /** What {@code audit_entry.subject} becomes once its period has passed: the same as on an account's erasure. */
    public static final String PSEUDONYM = eu.taskforce.platform.personaldata.PersonalData.PSEUDONYM;

    /** Idempotency-Key records: the caller's subject in the scope, and the stored response, which may hold anything. */
    @Produces
    RetentionRule idempotencyKeys() {
        return RetentionRule.of("idempotency-key", """
                delete from idempotency_key where (scope, key) in (
                    select scope, key from idempotency_key where created_at < :cutoff
                    order by created_at limit :limit for update skip locked)""");
    }

    /** Published outbox rows (kept for inspection only). A pending row is never purged, however old. */
    @Produces
    RetentionRule publishedOutbox() {
        return RetentionRule.of("outbox-published", """
                delete from outbox_event where position in (
                    select position from outbox_event where published_at < :cutoff
                    order by published_at limit :limit for update skip locked)""");
    }

    /** Who made a change: the token subject of an audit entry is pseudonymised; when, what and which record stay. */
    @Produces
    RetentionRule auditSubjects() {
        return RetentionRule.of("audit-subject", """
                update audit_entry set subject = '%s' where id in (
                    select id from audit_entry where occurred_at < :cutoff and subject <> '%s'
                    order by occurred_at limit :limit for update skip locked)""".formatted(PSEUDONYM, PSEUDONYM));
    }
}
