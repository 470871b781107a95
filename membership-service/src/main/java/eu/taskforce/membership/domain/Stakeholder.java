package eu.taskforce.membership.domain;

import eu.taskforce.contracts.membership.StakeholderProfile;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A third-party stakeholder or invited expert, managed by the AI Office. Listed publicly only with consent. */
@Entity
@Table(name = "stakeholder")
public class Stakeholder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StakeholderProfile.Kind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "field_of_expertise", nullable = false)
    public String fieldOfExpertise;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "listed_publicly", nullable = false)
    public boolean listedPublicly;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Version
    public long version;

    /** What may be published: everything but the contact, and only with consent. */
    public StakeholderProfile publicProfile() {
        return new StakeholderProfile(id, kind, listedPublicly, listedPublicly ? name : null,
                listedPublicly ? fieldOfExpertise : null);
    }
}
