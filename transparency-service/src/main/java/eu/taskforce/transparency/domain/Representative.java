package eu.taskforce.transparency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member organisation's representative as the register shows it: role, and the name only with consent. */
@Entity
@Table(name = "representative")
public class Representative extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String role;

    @Column(name = "public_name")
    public String publicName;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
