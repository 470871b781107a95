package eu.taskforce.platform.membership;

import eu.taskforce.contracts.membership.RepresentativeRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A representative of a member organisation, as the membership topic publishes it: its id, organisation and role (no
 * personal data: the name is not needed here, and erasure then has nothing to reach). The representative acts here through a token whose {@code org} claim names the organisation.
 */
@Entity
@Table(name = "member_representative")
public class MemberRepresentative extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RepresentativeRole role;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static long activeCount(UUID organisationId) {
        return count("organisationId = ?1 and removedAt is null", organisationId);
    }
}
