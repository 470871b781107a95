package eu.taskforce.guidance.domain;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One version of a guidance document (1, 2, ...) with its ordered sections. */
@Entity
@Table(name = "guidance_version")
public class GuidanceVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(nullable = false)
    public int number;

    @Column(name = "change_note")
    public String changeNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guidance_section", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    public List<Section> sections = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PublicationStatus status;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.sectionKey.equals(key)).findFirst();
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    public static Optional<GuidanceVersion> of(UUID documentId, int number) {
        return find("documentId = ?1 and number = ?2", documentId, number).firstResultOptional();
    }
}
