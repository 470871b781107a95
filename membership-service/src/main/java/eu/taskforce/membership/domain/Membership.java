package eu.taskforce.membership.domain;

import eu.taskforce.contracts.membership.MembershipEnded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One period of a signatory's membership of the Taskforce; the current one has no {@link #leftOn}. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "signatory_id", nullable = false)
    public UUID signatoryId;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "joined_by", nullable = false)
    public String joinedBy;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "left_by")
    public String leftBy;

    @Column(name = "end_reason")
    @Enumerated(EnumType.STRING)
    public MembershipEnded.Reason endReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static Optional<Membership> current(UUID signatoryId) {
        return find("signatoryId = ?1 and leftOn is null", signatoryId).firstResultOptional();
    }

    public static List<Membership> history(UUID signatoryId) {
        return list("signatoryId = ?1 order by joinedOn, createdAt", signatoryId);
    }
}
