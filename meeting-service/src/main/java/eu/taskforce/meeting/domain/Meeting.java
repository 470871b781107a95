package eu.taskforce.meeting.domain;

import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingKind;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A meeting of the Taskforce. The joining link is confidential (invitees and the AI Office); everything else about a
 * meeting becomes public as it happens (convened, agenda published, held, summary published).
 */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingFormat format;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public String location;

    @Column(name = "joining_link")
    public String joiningLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingStatus status;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "request_id")
    public UUID requestId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agenda_item", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    public List<AgendaItem> agenda = new ArrayList<>();

    @Column(name = "agenda_published_at")
    public OffsetDateTime agendaPublishedAt;

    @Column(name = "agenda_revision", nullable = false)
    public int agendaRevision;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "meeting_attendance", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "organisation_id")
    public Set<UUID> attendance = new HashSet<>();

    @Column(name = "held_recorded_at")
    public OffsetDateTime heldRecordedAt;

    @Column(name = "individual_attendees", nullable = false)
    public int individualAttendees;

    /** When the public summary was flagged overdue (once), if it was. */
    @Column(name = "summary_overdue_at")
    public OffsetDateTime summaryOverdueAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean agendaPublished() {
        return agendaPublishedAt != null;
    }

    /** Plenaries that have not been held or cancelled and have not ended: those a new member is invited to. */
    public static List<Meeting> upcomingPlenaries(OffsetDateTime now) {
        return list("kind = ?1 and status in ?2 and endsAt > ?3", MeetingKind.PLENARY,
                List.of(MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED), now);
    }
}
