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
 * A person who represents a member organisation in the Taskforce. Name, e-mail and account name are personal data:
 * they never leave this service (the name is published only as a commitment, with the person's consent). A removed
 * representative is kept, with {@link #removedAt}, for the history, until the person's data is erased
 * ({@link #erasedAt}): then only the ids and dates remain.
 */
@Entity
@Table(name = "representative")
public class Representative extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    /** Null once erased. */
    public String name;

    /** Null once erased. */
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RepresentativeRole role;

    /** The identity-provider account the person logs in with. */
    public String username;

    /** Whether the person currently consents to the publication of their name (its record is a {@link Consent}). */
    @Column(name = "name_consent", nullable = false)
    public boolean nameConsent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    /** When the person's name, e-mail and account name were erased (on their request). */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Version
    public long version;

    /** Forgets the person: name, e-mail and account name; an appointment still running ends. */
    public void erase(OffsetDateTime at) {
        name = null;
        email = null;
        username = null;
        nameConsent = false;
        erasedAt = at;
        removedAt = removedAt == null ? at : removedAt;
        updatedAt = at;
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

    /** Every appointment, current or past, of an account: what the person's data export and erasure reach. */
    public static List<Representative> ofAccount(String username) {
        return list("lower(username) = lower(?1) order by createdAt, id", username);
    }

    public static boolean usernameTaken(String username, UUID exceptId) {
        return count("lower(username) = lower(?1) and removedAt is null and id <> ?2", username, exceptId) > 0;
    }
}
