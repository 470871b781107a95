package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingRequest;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.meeting.domain.RequestStatus;
import eu.taskforce.meeting.rest.MeetingDtos.MeetingView;
import eu.taskforce.meeting.rest.MeetingDtos.NewMeeting;
import eu.taskforce.meeting.rest.RequestDtos.Decline;
import eu.taskforce.meeting.rest.RequestDtos.NewRequest;
import eu.taskforce.meeting.rest.RequestDtos.RequestView;
import eu.taskforce.meeting.service.RequestService;
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

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/meetings/requests")
@Tag(name = "Members' requests", description = "A member organisation asks the AI Office to convene a meeting; other"
        + " members support it; the AI Office accepts (convenes) or declines with a public reason")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final Idempotency idempotency;
    private final MeetingViews meetingViews;

    public RequestResource(RequestService requests, Idempotency idempotency, MeetingViews meetingViews) {
        this.requests = requests;
        this.idempotency = idempotency;
        this.meetingViews = meetingViews;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listMeetingRequests", summary = "List members' requests",
            description = "The AI Office and representatives of member organisations. Newest first; or, with"
                    + " updatedSince, by time of last change for incremental sync.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<RequestView>> list(
            @Parameter(description = "Only requests in this state") @QueryParam("status") RequestStatus status,
            @Parameter(description = "Only those filed by this organisation") @QueryParam("organisationId") UUID organisationId,
            @Valid @BeanParam SyncListParameters list,
            UriInfo uri) {
        Page<MeetingRequest> page = requests.search(
                new RequestService.Filter(status, organisationId, list.updatedSince()), list.cursor(), list.limit());
        Set<UUID> organisations = new HashSet<>();
        page.items().forEach(r -> {
            organisations.add(r.organisationId);
            r.supports.forEach(s -> organisations.add(s.organisationId));
        });
        var names = MemberOrganisation.names(organisations);
        return new Page<>(page.items().stream().map(r -> RequestView.of(r, names)).toList(), page.nextCursor())
                .toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "fileMeetingRequest", summary = "File a request to convene a meeting",
            description = "A representative of a current member organisation, for that organisation.")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "The caller's organisation is not a current member")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response file(@Valid @NotNull NewRequest body,
                         @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            MeetingRequest request = requests.file(body.topic(), body.rationale(),
                    body.proposedAgendaItems() == null ? List.of() : body.proposedAgendaItems());
            return Response.created(uri.getAbsolutePathBuilder().path(request.id.toString()).build())
                    .tag(Versions.etag(request.version)).entity(view(request)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getMeetingRequest", summary = "One request", description = "The AI Office and representatives of member organisations.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request")
    public Response get(@PathParam("id") UUID id) {
        MeetingRequest request = requests.get(id);
        return Response.ok(view(request)).tag(Versions.etag(request.version)).build();
    }

    @POST
    @Path("{id}/supports")
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "supportMeetingRequest", summary = "Support a request",
            description = "A representative of a current member organisation other than the one that filed it; once"
                    + " per organisation, while the request is FILED.")
    @APIResponse(responseCode = "200", description = "Supported",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Own request, supported already, decided, or not a current member")
    public Response support(@PathParam("id") UUID id) {
        MeetingRequest request = requests.support(id);
        return Response.ok(view(request)).tag(Versions.etag(request.version)).build();
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "withdrawMeetingRequest", summary = "Withdraw a request", description = "The organisation that filed it, before the AI Office decides.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request was decided or withdrawn already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response withdraw(@PathParam("id") UUID id,
                             @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        MeetingRequest request = requests.withdraw(id, ifMatch);
        return Response.ok(view(request)).tag(Versions.etag(request.version)).build();
    }

    @POST
    @Path("{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "acceptMeetingRequest", summary = "Accept a request by convening a meeting for it",
            description = "AI Office only. The meeting is linked to the request and gets the proposed items as its"
                    + " draft agenda.")
    @APIResponse(responseCode = "201", description = "Accepted; the Location is the meeting convened",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request was decided or withdrawn already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response accept(@PathParam("id") UUID id, @Valid @NotNull NewMeeting body,
                           @Parameter(description = "The request's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Meeting meeting = requests.accept(id, ifMatch, body.details());
            return Response.created(uri.getBaseUriBuilder().path("api/v1/meetings").path(meeting.id.toString()).build())
                    .tag(Versions.etag(meeting.version)).entity(meetingViews.view(meeting)).build();
        });
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "declineMeetingRequest", summary = "Decline a request", description = "AI Office only. The reason becomes public.")
    @APIResponse(responseCode = "200", description = "Declined",
            content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "The request was decided or withdrawn already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response decline(@PathParam("id") UUID id, @Valid @NotNull Decline body,
                            @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        MeetingRequest request = requests.decline(id, ifMatch, body.reason());
        return Response.ok(view(request)).tag(Versions.etag(request.version)).build();
    }

    private static RequestView view(MeetingRequest request) {
        Set<UUID> organisations = new HashSet<>();
        organisations.add(request.organisationId);
        request.supports.forEach(s -> organisations.add(s.organisationId));
        return RequestView.of(request, MemberOrganisation.names(organisations));
    }
}
