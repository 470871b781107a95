package eu.taskforce.membership.domain;

import eu.taskforce.contracts.reference.Chapter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An organisation that signed the General-Purpose AI Code of Practice (some or all of its chapters). */
@Entity
@Table(name = "signatory")
public class Signatory extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String country;

    public String website;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "signatory_chapter", joinColumns = @JoinColumn(name = "signatory_id"))
    @Column(name = "chapter")
    @Enumerated(EnumType.STRING)
    public Set<Chapter> chapters = EnumSet.noneOf(Chapter.class);

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    /** Where a signatory from the reference data comes from; null when the AI Office registered it. */
    public String source;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isWithdrawn() {
        return withdrawnOn != null;
    }
}
