package eu.taskforce.guidance.domain;

import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.Visibility;
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
 * A member organisation's feedback on a section of a version (or on the whole version, without a section) within an
 * input window. The text of a CONFIDENTIAL item is read only by the AI Office and the organisation itself.
 */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "window_id", nullable = false)
    public UUID windowId;

    /** Null: on the whole version. */
    @Column(name = "section_key")
    public String sectionKey;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String text;

    /** The replacement text proposed for the section (only on a section); as confidential as {@link #text}. */
    @Column(name = "proposed_text")
    public String proposedText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Column(nullable = false)
    public boolean withdrawn;

    /** 1 when submitted, one more for each edit or the withdrawal; every revision is kept in feedback_revision. */
    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    public String response;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

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
