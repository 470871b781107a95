package eu.taskforce.transparency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A signatory of the Code as the register shows it. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String country;

    public String website;

    /** Comma-separated chapter names. */
    @Column(nullable = false)
    public String chapters;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
