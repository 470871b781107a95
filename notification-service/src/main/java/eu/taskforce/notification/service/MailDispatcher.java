package eu.taskforce.notification.service;

import eu.taskforce.notification.config.MailConfig;
import eu.taskforce.notification.domain.MailAudience;
import eu.taskforce.notification.domain.MailFrequency;
import eu.taskforce.notification.domain.MailKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the notices ({@code mail_notice}) and makes the "closing soon" ones when their time comes. Each notice in a
 * transaction of its own that locks it ({@code for update skip locked}: several instances share the work, none sends
 * a notice twice): membership-service names its audience, and each person gets it now, in a digest, or not at all,
 * as they chose. A notice that fails (membership-service, Keycloak or the SMTP server away) is tried again with a
 * back-off doubling up to an hour; a person already sent it (its {@code mail_sent} row) is not sent it again.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    private final EntityManager entityManager;
    private final MailConfig config;
    private final MailNotices notices;
    private final MailRecipients recipients;
    private final MailPreferences preferences;
    private final MailSender sender;
    private final Clock clock;

    public MailDispatcher(EntityManager entityManager, MailConfig config, MailNotices notices,
                          MailRecipients recipients, MailPreferences preferences, MailSender sender, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.notices = notices;
        this.recipients = recipients;
        this.preferences = preferences;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(every = "${taskforce.mail.dispatch-interval}", delayed = "${taskforce.mail.dispatch-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "mail-dispatcher")
    void scheduled() {
        dispatchNow();
    }

    /** One run: the reminders that fell due, then the notices waiting (at most the batch size). How many were sent. */
    public int dispatchNow() {
        QuarkusTransaction.requiringNew().run(this::remindersDue);
        int handled = 0;
        Map<MailAudience, Map<String, String>> audiences = new EnumMap<>(MailAudience.class);
        for (int i = 0; i < config.batchSize(); i++) {
            try {
                Boolean found = QuarkusTransaction.requiringNew().call(() -> dispatchOne(audiences));
                if (!found) {
                    break;
                }
                handled++;
            } catch (RuntimeException e) {
                // the notice stays locked by no one once the transaction rolled back: note the failure on it
                LOG.warnf("A notice could not be sent (%s); it is tried again later", e.getClass().getSimpleName());
                QuarkusTransaction.requiringNew().run(this::backOffOldest);
                break;
            }
        }
        return handled;
    }

    private void remindersDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> due = entityManager.createNativeQuery("""
                        select aggregate_id, kind, title, closes_at from mail_deadline
                        where reminded_at is null and remind_at <= :now
                        order by remind_at limit 100 for update skip locked""")
                .setParameter("now", now).getResultList();
        for (Object[] row : due) {
            OffsetDateTime closesAt = eu.taskforce.platform.personaldata.PersonalData.utc(row[3]);
            if (closesAt.isAfter(now)) { // a reminder found after the closing would say nothing useful
                notices.closingSoon((UUID) row[0], MailKind.valueOf((String) row[1]), (String) row[2], closesAt);
            }
            entityManager.createNativeQuery("update mail_deadline set reminded_at = :now where aggregate_id = :id")
                    .setParameter("now", now).setParameter("id", row[0]).executeUpdate();
        }
    }

    private boolean dispatchOne(Map<MailAudience, Map<String, String>> audiences) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, kind, audience, person, subject, body, calendar from mail_notice
                        where dispatched_at is null and next_attempt_at <= :now
                        order by next_attempt_at, created_at limit 1 for no key update skip locked""")
                .setParameter("now", now).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] notice = rows.get(0);
        UUID id = (UUID) notice[0];
        MailKind kind = MailKind.valueOf((String) notice[1]);
        MailAudience audience = MailAudience.valueOf((String) notice[2]);
        // one call per audience and run, however many notices it has
        Map<String, String> people = audiences.computeIfAbsent(audience, recipients::of);
        if (audience == MailAudience.PERSON) {
            String address = people.get((String) notice[3]);
            people = address == null ? Map.of() : Map.of((String) notice[3], address);
        }
        int sent = 0;
        int queued = 0;
        for (Map.Entry<String, String> person : people.entrySet()) {
            MailFrequency frequency = preferences.of(person.getKey()).of(kind);
            if (frequency == MailFrequency.IMMEDIATELY && !alreadySent(id, person.getKey())) {
                // each e-mail recorded as soon as it is sent, so that a retry of the notice skips it ("no key"
                // update above: this row's reference to the locked notice does not wait for the lock)
                QuarkusTransaction.requiringNew().run(() -> sender.send(person.getKey(), person.getValue(), kind,
                        (String) notice[4], (String) notice[5], (String) notice[6], id, null, kind));
                sent++;
            } else if (frequency == MailFrequency.DAILY || frequency == MailFrequency.WEEKLY) {
                queued += entityManager.createNativeQuery("""
                                insert into mail_digest_item (id, person, frequency, notice_id, kind, created_at)
                                values (:id, :person, :frequency, :notice, :kind, :now) on conflict do nothing""")
                        .setParameter("id", UUID.randomUUID()).setParameter("person", person.getKey())
                        .setParameter("frequency", frequency.name()).setParameter("notice", id)
                        .setParameter("kind", kind.name()).setParameter("now", now).executeUpdate();
            }
        }
        entityManager.createNativeQuery("update mail_notice set dispatched_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", id).executeUpdate();
        LOG.infof("Notice %s (%s): %d e-mails sent, %d kept for digests", id, kind, sent, queued);
        return true;
    }

    private boolean alreadySent(UUID notice, String person) {
        return !entityManager.createNativeQuery("select 1 from mail_sent where notice_id = :notice and person = :person")
                .setParameter("notice", notice).setParameter("person", person).getResultList().isEmpty();
    }

    /** The oldest due notice waits longer: 1 min, doubling with each attempt, at most an hour. */
    private void backOffOldest() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, attempts from mail_notice where dispatched_at is null and next_attempt_at <= :now
                        order by next_attempt_at, created_at limit 1 for update skip locked""")
                .setParameter("now", now).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        int attempts = ((Number) rows.get(0)[1]).intValue() + 1;
        Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 6));
        entityManager.createNativeQuery(
                        "update mail_notice set attempts = :attempts, next_attempt_at = :next where id = :id")
                .setParameter("attempts", attempts)
                .setParameter("next", now.plus(wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait))
                .setParameter("id", rows.get(0)[0]).executeUpdate();
    }
}
