package eu.taskforce.notification.service;

import eu.taskforce.platform.personaldata.ExportLists;
import eu.taskforce.platform.personaldata.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The e-mail part's personal data about an account (the person key is the account name): its preferences, the items
 * waiting for its digests, its digests' periods and the log of what was sent to it. Exported and erased through the
 * service's {@code PersonalDataHolder}; the sent log and the digest periods also end with their retention
 * ({@code mail-sent-log}). A stakeholder's rows (person {@code stakeholder:<id>}) go when membership-service forgets
 * the stakeholder: their digest items are dropped unsent, and the retention purges the rest.
 */
@ApplicationScoped
public class MailPersonalData {

    /** What the e-mail part holds about the account. */
    @Schema(name = "NotificationPersonalDataEmail", description = "The account's e-mail preferences (every kind, with"
            + " its default where never chosen), the items waiting for its digests and the e-mails sent to it (never an"
            + " address: membership-service holds those). Each list holds at most 200 entries, newest first.")
    public record Export(@Schema(description = "Kind -> frequency") Map<String, String> preferences,
                         @Schema(description = "Null while every kind has its default") OffsetDateTime preferencesUpdatedAt,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<WaitingItem> digestItems,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<SentMail> sent) {
    }

    @Schema(name = "NotificationPersonalDataDigestItem", description = "A notice waiting for the account's digest")
    public record WaitingItem(String kind, String frequency, String subject, OffsetDateTime createdAt) {
    }

    @Schema(name = "NotificationPersonalDataSentMail", description = "An e-mail sent to the account")
    public record SentMail(String kind, String subject, OffsetDateTime sentAt) {
    }

    private final EntityManager entityManager;
    private final PersonalData personalData;
    private final MailPreferences preferences;

    public MailPersonalData(EntityManager entityManager, PersonalData personalData, MailPreferences preferences) {
        this.entityManager = entityManager;
        this.personalData = personalData;
        this.preferences = preferences;
    }

    /** The account's e-mail data; {@code lists} notes the lists cut at 200 entries. */
    @Transactional
    public Export export(String username, ExportLists lists) {
        if (username == null) { // a token without an account name has no e-mail
            return new Export(Map.of(), null, List.of(), List.of());
        }
        String person = username.toLowerCase(Locale.ROOT);
        MailPreferences.Choices choices = preferences.of(person);
        Map<String, String> chosen = new java.util.TreeMap<>();
        choices.frequencies().forEach((kind, frequency) -> chosen.put(kind.name(), frequency.name()));
        List<WaitingItem> items = lists.cap("emailDigestItems", personalData.exportRows("""
                        select i.kind, i.frequency, n.subject, i.created_at from mail_digest_item i
                        join mail_notice n on n.id = i.notice_id where i.person = :person
                        order by i.created_at desc, i.id desc limit :limit""", Map.of("person", person)).stream()
                .map(r -> new WaitingItem((String) r[0], (String) r[1], (String) r[2], PersonalData.utc(r[3])))
                .toList());
        List<SentMail> sent = lists.cap("emailsSent", personalData.exportRows("""
                        select kind, subject, sent_at from mail_sent where person = :person
                        order by sent_at desc, id desc limit :limit""", Map.of("person", person)).stream()
                .map(r -> new SentMail((String) r[0], (String) r[1], PersonalData.utc(r[2])))
                .toList());
        return new Export(chosen, choices.updatedAt(), items, sent);
    }

    /** Erases every row about the account; joins the caller's transaction. How many rows went. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String username) {
        if (username == null) {
            return 0;
        }
        String person = username.toLowerCase(Locale.ROOT);
        int rows = 0;
        for (String table : List.of("mail_preference", "mail_digest_item", "mail_digest_run", "mail_sent")) {
            // the table names are this class's constants, never input
            rows += entityManager.createNativeQuery("delete from " + table + " where person = :person")
                    .setParameter("person", person).executeUpdate();
        }
        // a notice to this one person (a failing webhook's owner) names them too
        rows += entityManager.createNativeQuery("update mail_notice set person = null where person = :person")
                .setParameter("person", person).executeUpdate();
        return rows;
    }
}
