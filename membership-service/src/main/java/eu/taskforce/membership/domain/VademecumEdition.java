package eu.taskforce.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An edition of the Taskforce Vademecum: a draft the AI Office edits, then a published edition that never changes,
 * numbered in the order of publication and frozen with the participants list of its publication day
 * ({@link #published}, the edition as its event carried it).
 */
@Entity
@Table(name = "vademecum_edition")
public class VademecumEdition extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public Integer number;

    @Column(name = "change_note")
    public String changeNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vademecum_section", joinColumns = @JoinColumn(name = "edition_id"))
    @OrderBy("position")
    public List<Section> sections = new ArrayList<>();

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** The published edition as JSON (sections and participants), as its event carried it. */
    public String published;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** The latest published edition, if any. */
    public static java.util.Optional<VademecumEdition> latestPublished() {
        return find("status = ?1 order by number desc", Status.PUBLISHED).firstResultOptional();
    }

    public static OptionalInt lastNumber() {
        Integer last = getEntityManager().createQuery("select max(e.number) from VademecumEdition e", Integer.class)
                .getSingleResult();
        return last == null ? OptionalInt.empty() : OptionalInt.of(last);
    }

    /** A section of an edition, by its stable key. */
    @Embeddable
    public static class Section {

        @Column(nullable = false)
        public int position;

        @Column(name = "section_key", nullable = false)
        public String key;

        @Column(nullable = false)
        public String title;

        @Column(nullable = false)
        public String text;

        public Section() {
        }

        public Section(int position, String key, String title, String text) {
            this.position = position;
            this.key = key;
            this.title = title;
            this.text = text;
        }
    }
}
