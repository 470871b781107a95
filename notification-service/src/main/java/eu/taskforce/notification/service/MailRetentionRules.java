package eu.taskforce.notification.service;

import eu.taskforce.platform.retention.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** How long the e-mail part keeps what it sent (docs/retention.md). */
public class MailRetentionRules {

    /**
     * The sent log ({@code taskforce.retention.mail-sent-log}): long enough to answer "did I get that e-mail?", then
     * deleted.
     */
    @Produces
    @ApplicationScoped
    RetentionRule mailSentLog() {
        return RetentionRule.of("mail-sent-log", """
                delete from mail_sent where id in (
                    select id from mail_sent where sent_at < :cutoff order by sent_at limit :limit for update skip locked)""");
    }

    /**
     * The digests' periods ({@code taskforce.retention.mail-digest-run}): a row only needs to outlive its period, so
     * that a late run does not send that period again.
     */
    @Produces
    @ApplicationScoped
    RetentionRule mailDigestRun() {
        return RetentionRule.of("mail-digest-run", """
                delete from mail_digest_run where (person, period) in (
                    select person, period from mail_digest_run where sent_at < :cutoff
                    order by sent_at limit :limit for update skip locked)""");
    }

    /**
     * The notices once sent ({@code taskforce.retention.mail-notice}): nothing needs them once no digest waits for
     * them (the owner of a failing webhook is named in one).
     */
    @Produces
    @ApplicationScoped
    RetentionRule mailNotice() {
        return RetentionRule.of("mail-notice", """
                delete from mail_notice where id in (
                    select n.id from mail_notice n where n.dispatched_at < :cutoff
                    and not exists (select 1 from mail_digest_item i where i.notice_id = n.id)
                    order by n.dispatched_at limit :limit for update of n skip locked)""");
    }
}
