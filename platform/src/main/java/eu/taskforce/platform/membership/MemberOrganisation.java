package eu.taskforce.platform.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A signatory as a service knows it from the membership topic: its name and whether it is a current member of the
 * Taskforce. Written only by {@link MembershipReplica}.
 */
@Entity
@Table(name = "member_organisation")
public class MemberOrganisation extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(nullable = false)
    public boolean member;

    @Column(name = "membership_id")
    public UUID membershipId;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<MemberOrganisation> currentMember(UUID id) {
        return id == null ? Optional.empty()
                : find("id = ?1 and member = true", id).firstResultOptional();
    }

    public static List<MemberOrganisation> currentMembers() {
        return list("member = true order by id");
    }

    /** The names of the given organisations, for views and events (null when unknown). */
    public static Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>(); // a null id looks up nothing, where Map.of() would throw
        if (!ids.isEmpty()) {
            MemberOrganisation.<MemberOrganisation>list("id in ?1", ids).stream()
                    .filter(o -> o.name != null)
                    .forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }

    public static String nameOf(UUID id) {
        return MemberOrganisation.<MemberOrganisation>findByIdOptional(id).map(o -> o.name).orElse(null);
    }
}
