package eu.taskforce.notification.service;

import eu.taskforce.notification.config.MailConfig;
import eu.taskforce.notification.domain.MailKind;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Sends one e-mail through the Quarkus mailer (the configured SMTP server) and records it in {@code mail_sent} (the
 * person and the subject, never the address). Every e-mail carries its unsubscribe link in the text and in the
 * {@code List-Unsubscribe} / {@code List-Unsubscribe-Post} headers (RFC 2369, RFC 8058 one-click).
 */
@ApplicationScoped
public class MailSender {

    /** The public endpoint of the unsubscribe links, reached through the gateway without a token. */
    public static final String UNSUBSCRIBE_PATH = "/api/v1/notifications/unsubscribe";

    private final Mailer mailer;
    private final MailConfig config;
    private final UnsubscribeTokens tokens;
    private final EntityManager entityManager;
    private final Clock clock;

    public MailSender(Mailer mailer, MailConfig config, UnsubscribeTokens tokens, EntityManager entityManager,
                      Clock clock) {
        this.mailer = mailer;
        this.config = config;
        this.tokens = tokens;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * One e-mail to one person: {@code kind} is what its link turns off (null for a digest: every kind), and
     * {@code calendar} an iCalendar attachment or null. Joins the caller's transaction for the log row.
     */
    public void send(String person, String address, MailKind kind, String subject, String body, String calendar,
                     UUID noticeId, String period, MailKind loggedKind) {
        String link = config.publicUrl() + UNSUBSCRIBE_PATH + "?token="
                + URLEncoder.encode(tokens.issue(person, kind), StandardCharsets.UTF_8);
        String text = body + "\n\n--\n" + (kind == null
                ? "You receive this digest because of your e-mail preferences. Turn every e-mail off: " + link
                : "Turn off e-mails like this one: " + link)
                + "\nChoose per kind: GET/PUT " + config.publicUrl() + "/api/v1/notifications/preferences\n";
        Mail mail = Mail.withText(address, subject, text).setFrom(config.from())
                .addHeader("List-Unsubscribe", "<" + link + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
        if (calendar != null) {
            mail.addAttachment("invitation.ics", calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=utf-8");
        }
        mailer.send(mail);
        entityManager.createNativeQuery("""
                        insert into mail_sent (id, person, notice_id, period, kind, subject, sent_at)
                        values (:id, :person, :notice, :period, :kind, :subject, :now)""")
                .setParameter("id", UUID.randomUUID()).setParameter("person", person)
                .setParameter("notice", noticeId).setParameter("period", period)
                .setParameter("kind", loggedKind == null ? "DIGEST" : loggedKind.name())
                .setParameter("subject", subject.length() > 300 ? subject.substring(0, 300) : subject)
                .setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
    }
}
