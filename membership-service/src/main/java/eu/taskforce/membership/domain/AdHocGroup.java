package eu.taskforce.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An ad-hoc group of the Taskforce (for example on open-source models), with member organisations taking part, and
 * third-party stakeholders or invited experts of the register.
 */
@Entity
@Table(name = "ad_hoc_group")
public class AdHocGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ad_hoc_group_participant", joinColumns = @JoinColumn(name = "group_id"))
    public List<Participant> participants = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ad_hoc_group_stakeholder", joinColumns = @JoinColumn(name = "group_id"))
    public List<StakeholderParticipant> stakeholders = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public Optional<Participant> participant(UUID organisationId) {
        return participants.stream().filter(p -> p.organisationId.equals(organisationId)).findFirst();
    }

    public static List<AdHocGroup> withParticipant(UUID organisationId) {
        return list("select g from AdHocGroup g join g.participants p where p.organisationId = ?1", organisationId);
    }

    public Optional<StakeholderParticipant> stakeholder(UUID stakeholderId) {
        return stakeholders.stream().filter(p -> p.stakeholderId.equals(stakeholderId)).findFirst();
    }

    public static List<AdHocGroup> withStakeholder(UUID stakeholderId) {
        return list("select g from AdHocGroup g join g.stakeholders s where s.stakeholderId = ?1", stakeholderId);
    }

    /** A stakeholder or invited expert of the register taking part in the group. */
    @Embeddable
    public static class StakeholderParticipant {

        @Column(name = "stakeholder_id", nullable = false)
        public UUID stakeholderId;

        @Column(name = "added_at", nullable = false)
        public OffsetDateTime addedAt;

        @Column(name = "added_by", nullable = false)
        public String addedBy;
    }

    /** A member organisation taking part in the group. */
    @Embeddable
    public static class Participant {

        @Column(name = "organisation_id", nullable = false)
        public UUID organisationId;

        @Column(name = "added_at", nullable = false)
        public OffsetDateTime addedAt;

        @Column(name = "added_by", nullable = false)
        public String addedBy;
    }
}
