package eu.taskforce.membership.domain;

import eu.taskforce.contracts.membership.RepresentativeRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person who represents a member organisation in the Taskforce. Name and e-mail are personal data: the e-mail
 * never leaves this service, the name only with {@link #nameConsent}. A removed representative is kept, with
 * {@link #removedAt}, for the history.
 */
@Entity
@Table(name = "representative")
public class Representative extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RepresentativeRole role;

    /** The identity-provider account the person logs in with. */
    @Column(nullable = false)
    public String username;

    @Column(name = "name_consent", nullable = false)
    public boolean nameConsent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Version
    public long version;

    /** The name to publish: only with the person's consent. */
    public String publicName() {
        return nameConsent ? name : null;
    }

    public static List<Representative> active(UUID organisationId) {
        return list("organisationId = ?1 and removedAt is null order by lower(name), id", organisationId);
    }

    public static Optional<Representative> activeById(UUID organisationId, UUID id) {
        return find("id = ?1 and organisationId = ?2 and removedAt is null", id, organisationId).firstResultOptional();
    }

    public static Optional<Representative> activePrincipal(UUID organisationId) {
        return find("organisationId = ?1 and role = ?2 and removedAt is null", organisationId,
                RepresentativeRole.PRINCIPAL).firstResultOptional();
    }

    public static boolean usernameTaken(String username, UUID exceptId) {
        return count("lower(username) = lower(?1) and removedAt is null and id <> ?2", username, exceptId) > 0;
    }
}
