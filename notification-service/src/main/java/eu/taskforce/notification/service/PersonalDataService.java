package eu.taskforce.notification.service;

import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.personaldata.Account;
import eu.taskforce.platform.personaldata.ExportLists;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.personaldata.PersonalDataHolder;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.platform.personaldata.PersonalData.utc;

/**
 * What notification-service holds about an account: the webhook subscriptions it owns (owner's token subject and
 * account name; a subscription is the account's own, so an erasure deletes it with its delivery log), and the audit
 * entries under its subject. The events delivered are the topics' (no personal field in clear). The e-mail part's rows
 * (by account name) are {@link MailPersonalData}'s, exported and erased here with the rest.
 */
@ApplicationScoped
public class PersonalDataService implements PersonalDataHolder {

    private final PersonalData personalData;
    private final EntityManager entityManager;
    private final Deliveries deliveries;
    private final MailPersonalData mail;

    public PersonalDataService(PersonalData personalData, EntityManager entityManager, Deliveries deliveries,
                               MailPersonalData mail) {
        this.personalData = personalData;
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.mail = mail;
    }

    @Schema(name = "NotificationPersonalDataWebhook", description = "A webhook subscription the account owns (never"
            + " its secret)")
    public record WebhookData(UUID id, String url, String description, List<String> eventTypes, String status,
                              String ownerRole, UUID ownerOrganisation, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt) {
    }

    @Schema(name = "NotificationPersonalData", description = "Everything notification-service holds about the calling"
            + " account. Each list holds at most 200 entries, newest first; `truncated` names the lists that had more.")
    public record Export(Account account, OffsetDateTime exportedAt,
                         @Schema(description = "The lists that held more than 200 entries (only the newest are here)")
                         List<String> truncated,
                         @Schema(maxItems = PersonalData.LIST_LIMIT) List<WebhookData> webhooks,
                         @Schema(maxItems = PersonalData.LIST_LIMIT, description = "Audit entries made under the"
                                 + " account's token subject") List<AuditTrail.Entry> audit,
                         @Schema(description = "The account's e-mail preferences, waiting digest items and e-mails"
                                 + " sent") MailPersonalData.Export email) {
    }

    @Transactional
    public Export export() {
        Account account = personalData.caller();
        Set<String> subjects = Set.of(account.subject());
        ExportLists lists = new ExportLists();
        List<WebhookData> webhooks = lists.cap("webhooks", personalData.exportRows("""
                        select id, url, description, array_to_string(event_types, ','), status, owner_role,
                               owner_organisation, created_at, updated_at
                        from webhook_subscription where owner_subject in (:subjects)
                        order by created_at desc, id desc limit :limit""", Map.of("subjects", subjects)).stream()
                .map(r -> new WebhookData((UUID) r[0], (String) r[1], (String) r[2],
                        Arrays.asList(((String) r[3]).split(",")), (String) r[4], (String) r[5], (UUID) r[6],
                        utc(r[7]), utc(r[8]))).toList());
        List<AuditTrail.Entry> audit = lists.cap("audit", personalData.audit(subjects));
        MailPersonalData.Export email = mail.export(account.username(), lists);
        return new Export(account, Timestamps.now().withOffsetSameInstant(ZoneOffset.UTC), lists.truncated(),
                webhooks, audit, email);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> subjectsOf(String username) {
        return new HashSet<>(entityManager.createNativeQuery(
                        "select distinct owner_subject from webhook_subscription where lower(owner_username) = lower(:name)")
                .setParameter("name", username).getResultList());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(Set<String> subjects, String username) {
        int rows = deliveries.forget("owner_subject in (:subjects) or lower(owner_username) = lower(:name)", Map.of(
                "subjects", subjects.isEmpty() ? Set.of("") : subjects, "name", username == null ? "" : username));
        return new Erased(rows + mail.erase(username), Set.of());
    }
}
