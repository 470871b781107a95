package eu.taskforce.platform.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A third-party stakeholder or invited expert of membership-service's register, as the membership topic announces it:
 * its id and whether it is still on the register (no name, no contact: erasure has nothing to reach here). Lets a
 * service check a stakeholder id it is given. Written only by {@link MembershipReplica}.
 */
@Entity
@Table(name = "registered_stakeholder")
public class RegisteredStakeholder extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Removed from the register (or erased, which removes too). */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether {@code id} names a stakeholder on the register now: known and neither removed nor erased. */
    public static boolean isOnRegister(UUID id) {
        return id != null && count("id = ?1 and removedAt is null", id) > 0;
    }
}
