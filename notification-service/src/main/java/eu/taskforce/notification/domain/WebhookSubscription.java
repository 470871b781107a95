package eu.taskforce.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An owner's endpoint and the event types it receives (V1__webhooks.sql). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The owner's token subject: personal data, erased with the account (the subscription goes with it). */
    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Column(name = "owner_username")
    public String ownerUsername;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_role", nullable = false)
    public OwnerRole ownerRole;

    @Column(name = "owner_organisation")
    public UUID ownerOrganisation;

    @Column(nullable = false)
    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "varchar(200)[]")
    public String[] eventTypes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public OffsetDateTime statusChangedAt;

    /** Never shown after the answer that made it, never logged. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public List<String> types() {
        return List.of(eventTypes);
    }

    public static long countOwnedBy(String subject) {
        return count("ownerSubject", subject);
    }

    public static List<WebhookSubscription> ownedBy(String subject) {
        return list("ownerSubject = ?1 order by createdAt, id", subject);
    }
}
