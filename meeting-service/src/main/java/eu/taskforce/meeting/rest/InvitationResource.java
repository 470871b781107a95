package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Invitation;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.meeting.rest.MeetingDtos.InvitationAnswer;
import eu.taskforce.meeting.rest.MeetingDtos.InvitationView;
import eu.taskforce.meeting.rest.MeetingDtos.NewInvitation;
import eu.taskforce.meeting.service.InvitationService;
import eu.taskforce.meeting.service.MeetingService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.ListParameters;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Objects;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/meetings/{meetingId}/invitations")
@Tag(name = "Invitations", description = "Member organisations and individual stakeholders or experts invited to a"
        + " meeting, and their answers")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final MeetingService meetings;
    private final InvitationService invitations;
    private final Idempotency idempotency;

    public InvitationResource(MeetingService meetings, InvitationService invitations, Idempotency idempotency) {
        this.meetings = meetings;
        this.invitations = invitations;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listInvitations", summary = "A meeting's invitations",
            description = "All of them for the AI Office; for anyone else only their own (their organisation's or"
                    + " their account's).")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public RestResponse<Page<InvitationView>> list(@PathParam("meetingId") UUID meetingId,
                         @Valid @BeanParam ListParameters list,
                         UriInfo uri) {
        meetings.get(meetingId);
        Page<Invitation> page = invitations.list(meetingId, list.cursor(), list.limit());
        Map<UUID, String> names = MemberOrganisation.names(page.items().stream().map(i -> i.organisationId)
                .filter(Objects::nonNull).toList());
        return new Page<>(page.items().stream().map(i -> InvitationView.of(i, names.get(i.organisationId))).toList(),
                page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "invite", summary = "Invite an organisation or an individual",
            description = "AI Office only, before the meeting is held: a current member organisation, or a stakeholder"
                    + " or expert by the account they sign in with (and, when on the register, by its stakeholderId,"
                    + " checked against membership-service's register).")
    @APIResponse(responseCode = "201", description = "Invited",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: give either organisationId or username; a"
            + " stakeholderId that names no stakeholder on the register (unknown, removed or erased)")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "Already invited (the stakeholder too, with another account), not"
            + " a current member, or the meeting was held or cancelled")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response invite(@PathParam("meetingId") UUID meetingId, @Valid @NotNull NewInvitation body,
                           @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Meeting meeting = meetings.get(meetingId);
            Invitation invitation = invitations.invite(meeting, new InvitationService.Invitee(body.organisationId(),
                    body.username(), body.displayName(), body.stakeholderId()));
            return Response.created(uri.getAbsolutePathBuilder().path(invitation.id.toString()).build())
                    .tag(Versions.etag(invitation.version))
                    .entity(InvitationView.of(invitation, name(invitation))).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getInvitation", summary = "One invitation", description = "For the AI Office and the invitee.")
    @APIResponse(responseCode = "200", description = "The invitation",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation (or not one the caller may see)")
    public Response get(@PathParam("meetingId") UUID meetingId, @PathParam("id") UUID id) {
        Invitation invitation = invitations.get(meetingId, id);
        return Response.ok(InvitationView.of(invitation, name(invitation))).tag(Versions.etag(invitation.version))
                .build();
    }

    @PUT
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "respondToInvitation", summary = "Answer an invitation",
            description = "A representative of the invited organisation, or the invited person; before the meeting is"
                    + " held. The answer may change until then.")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such meeting or invitation")
    @APIResponse(responseCode = "409", description = "The meeting was held or cancelled, or the invitation withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response respond(@PathParam("meetingId") UUID meetingId, @PathParam("id") UUID id,
                            @Valid @NotNull InvitationAnswer body,
                            @Parameter(description = "The invitation's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Meeting meeting = meetings.get(meetingId);
        Invitation invitation = invitations.respond(meeting, id, ifMatch, body.response());
        return Response.ok(InvitationView.of(invitation, name(invitation))).tag(Versions.etag(invitation.version))
                .build();
    }

    private static String name(Invitation invitation) {
        return invitation.organisationId == null ? null : MemberOrganisation.nameOf(invitation.organisationId);
    }
}
