package eu.taskforce.meeting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The high-level public summary of a meeting held, the confidential annex, and the public list of withheld parts.
 * Published once; the annex never leaves this service.
 */
@Entity
@Table(name = "meeting_summary")
public class MeetingSummary extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(nullable = false)
    public String summary;

    @Column(name = "confidential_annex")
    public String confidentialAnnex;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "withheld_part", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<WithheldPart> withheldParts = new ArrayList<>();

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;
}
