package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.service.CadenceService;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

@Path("/api/v1/meetings/cadence")
@Tag(name = "Cadence", description = "The Taskforce meets at least once a year: the last plenary held, the next"
        + " scheduled, the deadline, and summaries that are overdue")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The caller's role does not allow this")
public class CadenceResource {

    private final CadenceService cadence;

    public CadenceResource(CadenceService cadence) {
        this.cadence = cadence;
    }

    @Schema(name = "ScheduledPlenary", description = "The next plenary scheduled")
    public record NextView(UUID meetingId, String title, OffsetDateTime startsAt) {
    }

    @Schema(name = "OverdueSummary", description = "A meeting held whose public summary is overdue")
    public record OverdueView(UUID meetingId, String title, LocalDate heldOn, LocalDate dueOn) {
    }

    @Schema(name = "Cadence", description = "Where the Taskforce stands against its yearly meeting obligation")
    public record CadenceView(
            @Schema(description = "The day of the last plenary held, or of the constituent meeting (2026-01-30)")
            LocalDate lastHeldOn,
            @Schema(description = "The last plenary held; null when it is the constituent meeting") UUID lastMeetingId,
            @Schema(description = "One year after lastHeldOn") LocalDate deadline,
            @Schema(description = "Days from today (UTC) to the deadline; negative when missed") long daysLeft,
            @Schema(description = "The next plenary scheduled, if any") NextView nextScheduled,
            boolean nextScheduledBeforeDeadline,
            @Schema(description = "The deadline is within the warning window and no plenary is scheduled before it")
            boolean atRisk,
            long warningWindowDays,
            @Schema(description = "Meetings held whose summary is later than the configured time (30 days by default)")
            List<OverdueView> overdueSummaries) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "getMeetingCadence", summary = "The Taskforce's meeting cadence",
            description = "Plenaries count; the deadline is one year after the last held.")
    @APIResponse(responseCode = "200", description = "The cadence",
            content = @Content(schema = @Schema(implementation = CadenceView.class)))
    public CadenceView get() {
        CadenceService.Cadence c = cadence.cadence(Timestamps.now());
        Meeting next = c.nextScheduled();
        return new CadenceView(c.lastHeldOn(), c.lastMeeting() == null ? null : c.lastMeeting().id, c.deadline(),
                c.daysLeft(), next == null ? null : new NextView(next.id, next.title, utc(next.startsAt)),
                c.nextScheduledBeforeDeadline(), c.atRisk(), c.warningWindowDays(),
                c.overdueSummaries().stream().map(o -> new OverdueView(o.meetingId(), o.title(), o.heldOn(),
                        o.dueOn())).toList());
    }
}
