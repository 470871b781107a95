package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.rest.MeetingDtos.AgendaChange;
import eu.taskforce.meeting.rest.MeetingDtos.AgendaItemRequest;
import eu.taskforce.meeting.rest.MeetingDtos.AgendaView;
import eu.taskforce.meeting.service.Access;
import eu.taskforce.meeting.service.MeetingService;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/meetings/{meetingId}/agenda")
@Tag(name = "Agendas", description = "Ordered agenda items linked to the Code's commitments and measures and to"
        + " guidance documents; public once published")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    private final MeetingService meetings;
    private final Access access;

    public AgendaResource(MeetingService meetings, Access access) {
        this.meetings = meetings;
        this.access = access;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getAgenda", summary = "A meeting's agenda",
            description = "Once published, for every authenticated caller; before, for the AI Office only. Its ETag is"
                    + " the meeting's version.")
    @APIResponse(responseCode = "200", description = "The agenda",
            content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or its agenda is not published yet")
    public Response get(@PathParam("meetingId") UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (!meeting.agendaPublished() && !access.isAiOffice()) {
            throw new ProblemException(404, "not-found", "Not found",
                    "The agenda of meeting " + meetingId + " is not published yet");
        }
        return Response.ok(AgendaView.of(meeting)).tag(Versions.etag(meeting.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "replaceAgenda", summary = "Set a meeting's agenda (all items, in order)",
            description = "AI Office only, before the meeting is held. Code references must name commitments or"
                    + " measures of the Code. A change to a published agenda is published again at once.")
    @APIResponse(responseCode = "200", description = "The agenda",
            content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or an unknown commitment or measure")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting was held or cancelled")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response replace(@PathParam("meetingId") UUID meetingId, @Valid @NotNull AgendaChange body,
                            @Parameter(description = "The meeting's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Meeting meeting = meetings.replaceAgenda(meetingId, ifMatch,
                body.items().stream().map(AgendaItemRequest::details).toList());
        return Response.ok(AgendaView.of(meeting)).tag(Versions.etag(meeting.version)).build();
    }

    @POST
    @Path("publication")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "publishAgenda", summary = "Publish a meeting's agenda", description = "AI Office only, before the meeting is held.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "Already published, empty, or the meeting was held or cancelled")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response publish(@PathParam("meetingId") UUID meetingId,
                            @Parameter(description = "The meeting's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Meeting meeting = meetings.publishAgenda(meetingId, ifMatch);
        return Response.ok(AgendaView.of(meeting)).tag(Versions.etag(meeting.version)).build();
    }
}
