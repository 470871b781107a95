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

/**
 * A third-party stakeholder or invited expert, managed by the AI Office. Listed publicly only with consent; a person's
 * name and field of expertise are personal data (published only as commitments), an organisation's are not. The
 * contact never leaves this service.
 */
@Entity
@Table(name = "stakeholder")
public class Stakeholder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StakeholderProfile.Kind kind;

    /** Null once erased. */
    public String name;

    @Column(name = "field_of_expertise")
    public String fieldOfExpertise;

    @Column(name = "contact_email")
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

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    public boolean isPerson() {
        return kind == StakeholderProfile.Kind.PERSON;
    }

    /** Forgets the person (or the organisation's contact): name, field of expertise, contact; the listing ends. */
    public void erase(OffsetDateTime at) {
        name = null;
        fieldOfExpertise = null;
        contactEmail = null;
        listedPublicly = false;
        erasedAt = at;
        removedAt = removedAt == null ? at : removedAt;
        updatedAt = at;
    }
}
