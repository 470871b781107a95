package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Invitation;
import eu.taskforce.meeting.domain.InvitationResponse;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.meeting.service.InvitationService;
import eu.taskforce.platform.api.ListParameters;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

@Path("/api/v1/meetings/stakeholders/{stakeholderId}/history")
@Tag(name = "Invitations")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class StakeholderHistoryResource {

    private final InvitationService invitations;

    public StakeholderHistoryResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Schema(name = "StakeholderMeeting", description = "A meeting a stakeholder of the register was invited to, with"
            + " its answer and whether it attended")
    public record StakeholderMeeting(UUID meetingId, String title, MeetingKind kind, OffsetDateTime startsAt,
                                     MeetingStatus status, UUID invitationId,
                                     @Schema(description = "PENDING, ACCEPTED, DECLINED or TENTATIVE")
                                     InvitationResponse response,
                                     @Schema(description = "Recorded as attending when the meeting was held")
                                     boolean attended,
                                     @Schema(description = "Withdrawn or not") boolean withdrawn) {
    }

    @GET
    @RolesAllowed({Roles.AI_OFFICE, Roles.STAKEHOLDER})
    @Operation(operationId = "listStakeholderMeetings", summary = "A stakeholder's meetings: invitations, answers,"
            + " attendance", description = "The invitations that name the stakeholder's register id, oldest first. All"
            + " of them for the AI Office and for an account linked to that register entry (token claim stakeholder);"
            + " for another stakeholder or expert only those sent to its own account. Its"
            + " public history (listed stakeholders only) is in the register: /api/v1/public/stakeholders/{id}/history.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "403", description = "Neither the AI Office nor a stakeholder")
    public RestResponse<Page<StakeholderMeeting>> list(@PathParam("stakeholderId") UUID stakeholderId,
                                                       @Valid @BeanParam ListParameters list, UriInfo uri) {
        Page<Invitation> page = invitations.ofStakeholder(stakeholderId, list.cursor(), list.limit());
        Map<UUID, Meeting> meetings = page.items().isEmpty() ? Map.of()
                : Meeting.<Meeting>list("id in ?1", page.items().stream().map(i -> i.meetingId).toList()).stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        return new Page<>(page.items().stream().map(i -> {
            Meeting m = meetings.get(i.meetingId);
            return new StakeholderMeeting(i.meetingId, m.title, m.kind, utc(m.startsAt), m.status, i.id, i.response,
                    i.attended, !i.isActive());
        }).toList(), page.nextCursor()).toResponse(uri);
    }
}
