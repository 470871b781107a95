package eu.taskforce.meeting.domain;

import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.WithholdingReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A paper of a meeting or of one of its agenda items. The AI Office adds it, stores its document, then circulates it:
 * from then on its readers (by {@link #visibility}) see it, and its document can no longer be replaced. Circulated
 * after {@link #dueOn} it is late.
 */
@Entity
@Table(name = "meeting_paper")
public class MeetingPaper extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    /** The position (from 1) of the agenda item it belongs to; null for the meeting as a whole. */
    @Column(name = "agenda_item")
    public Integer agendaItem;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaperVisibility visibility;

    /** Why it is not disclosed to the public; null exactly when it is PUBLIC. */
    @Enumerated(EnumType.STRING)
    @Column(name = "withholding_reason")
    public WithholdingReason withholdingReason;

    @Column(name = "document_name")
    public String documentName;

    /** Read from the bytes when they were stored; null until a document is stored. */
    @Column(name = "document_type")
    public String documentType;

    @Column(name = "document_size")
    public Long documentSize;

    @Column(name = "document_sha256")
    public String documentSha256;

    @Column(name = "circulated_at")
    public OffsetDateTime circulatedAt;

    /** The day members should have had it by, as it was when the paper was circulated. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** Circulated after {@link #dueOn}. */
    public Boolean late;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean circulated() {
        return circulatedAt != null;
    }

    public boolean hasDocument() {
        return documentSha256 != null;
    }
}
