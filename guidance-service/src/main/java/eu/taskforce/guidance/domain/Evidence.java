package eu.taskforce.guidance.domain;

import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.contracts.guidance.Visibility;
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
import java.util.UUID;

/**
 * An evidence or research submission to the Taskforce's forum, linked to commitments and measures of the Code. The
 * attached document's bytes are in evidence_attachment; this row keeps what was checked about them.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceType type;

    @Column(nullable = false)
    public String url;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evidence_reference", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    @Column(name = "reference")
    public List<String> codeReferences = new ArrayList<>();

    /** The edition of the Code the references name, by its date ({@code 2025-07-10}). */
    @Column(name = "code_edition", nullable = false)
    public String codeEdition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitter_role", nullable = false)
    public SubmitterRole submitterRole;

    @Column(name = "organisation_id")
    public UUID organisationId;

    /** A stakeholder's submission: the register entry its account is linked to (ADR 0011); null once erased. */
    @Column(name = "stakeholder_id")
    public UUID stakeholderId;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "attachment_name")
    public String attachmentName;

    @Column(name = "attachment_type")
    public String attachmentType;

    @Column(name = "attachment_size")
    public Long attachmentSize;

    @Column(name = "attachment_sha256")
    public String attachmentSha256;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
