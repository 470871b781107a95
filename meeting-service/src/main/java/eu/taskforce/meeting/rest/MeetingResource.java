package eu.taskforce.meeting.rest;

import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.meeting.rest.MeetingDtos.Cancellation;
import eu.taskforce.meeting.rest.MeetingDtos.Held;
import eu.taskforce.meeting.rest.MeetingDtos.MeetingView;
import eu.taskforce.meeting.rest.MeetingDtos.NewMeeting;
import eu.taskforce.meeting.rest.MeetingDtos.Reschedule;
import eu.taskforce.meeting.service.MeetingService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.SyncListParameters;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/meetings")
@Tag(name = "Meetings", description = "Convening, rescheduling, cancelling, and recording meetings held with their"
        + " attendance. The joining link is shown only to invitees and the AI Office.")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    private final MeetingService meetings;
    private final MeetingViews views;
    private final Idempotency idempotency;

    public MeetingResource(MeetingService meetings, MeetingViews views, Idempotency idempotency) {
        this.meetings = meetings;
        this.views = views;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listMeetings", summary = "List meetings",
            description = "By start time; or, with updatedSince, by time of last change for incremental sync.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<MeetingView>> list(
            @Parameter(description = "Only meetings in this state") @QueryParam("status") MeetingStatus status,
            @Parameter(description = "Only meetings of this kind") @QueryParam("kind") MeetingKind kind,
            @Parameter(description = "Only those starting at or after this time") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Only those starting before this time") @QueryParam("to") OffsetDateTime to,
            @Valid @BeanParam SyncListParameters list,
            UriInfo uri) {
        Page<Meeting> page = meetings.search(new MeetingService.Filter(status, kind, from, to, list.updatedSince()),
                list.cursor(), list.limit());
        return new Page<>(views.views(page.items()), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "conveneMeeting", summary = "Convene a meeting",
            description = "AI Office only. A plenary invites every current member organisation at once (and members"
                    + " who join later).")
    @APIResponse(responseCode = "201", description = "Convened",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response convene(@Valid @NotNull NewMeeting body,
                            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Meeting meeting = meetings.convene(body.details(), null);
            return Response.created(uri.getAbsolutePathBuilder().path(meeting.id.toString()).build())
                    .tag(Versions.etag(meeting.version)).entity(view(meeting)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getMeeting", summary = "One meeting",
            description = "The joining link only for invitees and the AI Office. Its ETag is the version to send as"
                    + " If-Match with a change.")
    @APIResponse(responseCode = "200", description = "The meeting",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    public Response get(@PathParam("id") UUID id) {
        Meeting meeting = meetings.get(id);
        return Response.ok(view(meeting)).tag(Versions.etag(meeting.version)).build();
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "rescheduleMeeting", summary = "Move a meeting to another time", description = "AI Office only; before it is held.")
    @APIResponse(responseCode = "200", description = "Rescheduled",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting was held or cancelled")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response reschedule(@PathParam("id") UUID id, @Valid @NotNull Reschedule body,
                               @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Meeting meeting = meetings.reschedule(id, ifMatch, body.startsAt(), body.endsAt(), body.timeZone(),
                body.reason());
        return Response.ok(view(meeting)).tag(Versions.etag(meeting.version)).build();
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "cancelMeeting", summary = "Cancel a meeting", description = "AI Office only; before it is held. The reason is public.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting was held or cancelled already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull Cancellation body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Meeting meeting = meetings.cancel(id, ifMatch, body.reason());
        return Response.ok(view(meeting)).tag(Versions.etag(meeting.version)).build();
    }

    @POST
    @Path("{id}/held")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "recordMeetingHeld", summary = "Record that a meeting was held, with its attendance",
            description = "AI Office only, once the meeting has begun. Attendance by organisation (each must have been"
                    + " invited) and by individual invitation.")
    @APIResponse(responseCode = "200", description = "Recorded as held",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or an attendee who was not invited")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting has not begun, was cancelled, or was held already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response held(@PathParam("id") UUID id, @Valid @NotNull Held body,
                         @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Meeting meeting = meetings.hold(id, ifMatch, body.attendingOrganisations(),
                body.attendingIndividuals() == null ? List.of() : body.attendingIndividuals());
        return Response.ok(view(meeting)).tag(Versions.etag(meeting.version)).build();
    }

    private MeetingView view(Meeting meeting) {
        return views.view(meeting);
    }
}
