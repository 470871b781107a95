package eu.taskforce.notification.service;

import eu.taskforce.notification.config.MailConfig;
import eu.taskforce.notification.domain.MailAudience;
import eu.taskforce.notification.domain.MailFrequency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * The daily and weekly digests: at the configured hour (and, weekly, day) in the configured zone, each person's waiting
 * items ({@code mail_digest_item}) made before that time go out in one e-mail. A period is the last such time that has
 * passed, so a run that comes late (the service was down at that hour) still sends that period's digest, with every
 * item still waiting. Exactly once per person and period, with any number of instances and runs: the transaction that
 * sends a digest first inserts its {@code mail_digest_run} row (person, period); a concurrent one waits on that row's
 * key and then finds it taken, and a failed sending rolls the row back with it, so the next run tries again.
 */
@ApplicationScoped
public class MailDigests {

    private static final Logger LOG = Logger.getLogger(MailDigests.class);

    /** A period: its key ({@code DAILY:2026-12-05}) and the instant it began, before which its items were made. */
    public record Period(String key, ZonedDateTime start) {
    }

    private final EntityManager entityManager;
    private final MailConfig config;
    private final MailRecipients recipients;
    private final MailSender sender;
    private final Clock clock;

    public MailDigests(EntityManager entityManager, MailConfig config, MailRecipients recipients, MailSender sender,
                       Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.recipients = recipients;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(every = "${taskforce.mail.digest-check-interval}", delayed = "${taskforce.mail.dispatch-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "mail-digests")
    void scheduled() {
        digestNow();
    }

    /** One run: the digests of the current daily and weekly periods that are due. How many were sent. */
    public int digestNow() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(config.zone());
        return digest(MailFrequency.DAILY, daily(now)) + digest(MailFrequency.WEEKLY, weekly(now));
    }

    /** The daily period that contains {@code now}: it began at the digest hour of today or, before that, yesterday. */
    public Period daily(ZonedDateTime now) {
        if (config.digestEvery().isPresent()) {
            return window("DAILY:", now, config.digestEvery().get());
        }
        ZonedDateTime start = now.toLocalDate().atTime(config.digestHour(), 0).atZone(config.zone());
        if (start.isAfter(now)) {
            start = now.toLocalDate().minusDays(1).atTime(config.digestHour(), 0).atZone(config.zone());
        }
        return new Period("DAILY:" + start.toLocalDate(), start);
    }

    /** The weekly period that contains {@code now}: it began on the last digest day at the digest hour. */
    public Period weekly(ZonedDateTime now) {
        if (config.digestEvery().isPresent()) {
            return window("WEEKLY:", now, config.digestEvery().get().multipliedBy(7));
        }
        LocalDate day = now.toLocalDate().with(TemporalAdjusters.previousOrSame(config.weeklyDay()));
        ZonedDateTime start = day.atTime(config.digestHour(), 0).atZone(config.zone());
        if (start.isAfter(now)) {
            start = day.minusWeeks(1).atTime(config.digestHour(), 0).atZone(config.zone());
        }
        return new Period("WEEKLY:" + start.toLocalDate(), start);
    }

    /** The fixed window of {@code length} (counted from the epoch) that contains {@code now}. */
    private Period window(String prefix, ZonedDateTime now, java.time.Duration length) {
        long millis = now.toInstant().toEpochMilli();
        long start = millis - Math.floorMod(millis, length.toMillis());
        ZonedDateTime begins = java.time.Instant.ofEpochMilli(start).atZone(config.zone());
        return new Period(prefix + begins.toInstant(), begins);
    }

    private int digest(MailFrequency frequency, Period period) {
        @SuppressWarnings("unchecked")
        List<String> persons = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select distinct i.person from mail_digest_item i where i.frequency = :frequency
                        and i.created_at < :start and not exists (select 1 from mail_digest_run r
                        where r.person = i.person and r.period = :period)""")
                .setParameter("frequency", frequency.name()).setParameter("start", period.start().toOffsetDateTime())
                .setParameter("period", period.key()).getResultList());
        if (persons.isEmpty()) {
            return 0;
        }
        Map<String, String> addresses = recipients.of(MailAudience.PERSON);
        int sent = 0;
        for (String person : persons) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> digestOf(person, addresses.get(person), frequency,
                        period))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("A %s digest could not be sent (%s); the next run tries again", frequency,
                        e.getClass().getSimpleName());
            }
        }
        LOG.infof("%s: %d digests sent", period.key(), sent);
        return sent;
    }

    private boolean digestOf(String person, String address, MailFrequency frequency, Period period) {
        int claimed = entityManager.createNativeQuery("""
                        insert into mail_digest_run (person, period, sent_at, items) values (:person, :period, :now, 0)
                        on conflict do nothing""")
                .setParameter("person", person).setParameter("period", period.key())
                .setParameter("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
        if (claimed == 0) {
            return false; // another run sent (or is sending) this period's digest
        }
        @SuppressWarnings("unchecked")
        List<Object[]> items = entityManager.createNativeQuery("""
                        select i.id, n.subject, n.body from mail_digest_item i join mail_notice n on n.id = i.notice_id
                        where i.person = :person and i.frequency = :frequency and i.created_at < :start
                        order by i.created_at, i.id for update of i""")
                .setParameter("person", person).setParameter("frequency", frequency.name())
                .setParameter("start", period.start().toOffsetDateTime()).getResultList();
        if (items.isEmpty()) {
            return false;
        }
        if (address != null) {
            StringBuilder body = new StringBuilder("What happened in the Signatory Taskforce since your last digest:\n");
            for (Object[] item : items) {
                body.append("\n* ").append(item[1]).append("\n\n").append(item[2]).append("\n");
            }
            String subject = (frequency == MailFrequency.DAILY ? "Your daily" : "Your weekly")
                    + " Taskforce digest: " + items.size() + (items.size() == 1 ? " item" : " items");
            sender.send(person, address, null, subject, body.toString(), null, null, period.key(), null);
        }
        // a person membership-service no longer knows (removed, erased) gets nothing: the items go all the same
        entityManager.createNativeQuery("delete from mail_digest_item where id in (:ids)")
                .setParameter("ids", items.stream().map(item -> item[0]).toList()).executeUpdate();
        entityManager.createNativeQuery("update mail_digest_run set items = :items where person = :person and period = :period")
                .setParameter("items", items.size()).setParameter("person", person).setParameter("period", period.key())
                .executeUpdate();
        return address != null;
    }
}
