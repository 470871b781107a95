package eu.taskforce.guidance.domain;

import eu.taskforce.contracts.guidance.GuidanceKind;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A guidance document drafted by the AI Office; its text lives in its versions. */
@Entity
@Table(name = "guidance_document")
public class GuidanceDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GuidanceKind kind;

    public String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guidance_document_article", joinColumns = @JoinColumn(name = "document_id"))
    @OrderColumn(name = "position")
    @Column(name = "article")
    public List<String> aiActArticles = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guidance_document_reference", joinColumns = @JoinColumn(name = "document_id"))
    @OrderColumn(name = "position")
    @Column(name = "reference")
    public List<String> codeReferences = new ArrayList<>();

    /** The edition of the Code the references name, by its date ({@code 2025-07-10}). */
    @Column(name = "code_edition", nullable = false)
    public String codeEdition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PublicationStatus status;

    @Column(name = "consultation_opens_on")
    public LocalDate consultationOpensOn;

    @Column(name = "consultation_closes_on")
    public LocalDate consultationClosesOn;

    @Column(name = "consultation_url")
    public String consultationUrl;

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

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }
}
