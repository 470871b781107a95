package eu.taskforce.guidance.domain;

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
 * A Taskforce input window on one version of a guidance document: member organisations give feedback from
 * {@code opensAt} until {@code closesAt} (or until the AI Office closes it early). Taskforce input, recorded apart from
 * the public consultation that the document may record later.
 */
@Entity
@Table(name = "input_window")
public class InputWindow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(name = "opens_at", nullable = false)
    public OffsetDateTime opensAt;

    @Column(name = "closes_at", nullable = false)
    public OffsetDateTime closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WindowStatus status;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_early", nullable = false)
    public boolean closedEarly;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "dispositions_published_at")
    public OffsetDateTime dispositionsPublishedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The phase at {@code now}: a window past its closing time is CLOSED even before the scheduled job records it. */
    public WindowPhase phase(OffsetDateTime now) {
        if (status == WindowStatus.CLOSED || !now.isBefore(closesAt)) {
            return WindowPhase.CLOSED;
        }
        return now.isBefore(opensAt) ? WindowPhase.SCHEDULED : WindowPhase.OPEN;
    }

    public boolean dispositionsPublished() {
        return dispositionsPublishedAt != null;
    }
}
