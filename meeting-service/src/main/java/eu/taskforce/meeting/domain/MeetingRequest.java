package eu.taskforce.meeting.domain;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A member organisation's request that the AI Office convene a meeting. */
@Entity
@Table(name = "meeting_request")
public class MeetingRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String rationale;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "meeting_request_item", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    @Column(name = "title")
    public List<String> proposedAgendaItems = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "meeting_request_support", joinColumns = @JoinColumn(name = "request_id"))
    @OrderBy("supportedAt")
    public List<RequestSupport> supports = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean supportedBy(UUID organisationId) {
        return supports.stream().anyMatch(s -> s.organisationId.equals(organisationId));
    }
}
