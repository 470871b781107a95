package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.MeetingSummary;
import eu.taskforce.meeting.domain.Minutes;
import eu.taskforce.meeting.domain.MinutesComment;
import eu.taskforce.meeting.rest.MinutesDtos.AnnexView;
import eu.taskforce.meeting.rest.MinutesDtos.CommentView;
import eu.taskforce.meeting.rest.MinutesDtos.MinutesText;
import eu.taskforce.meeting.rest.MinutesDtos.MinutesView;
import eu.taskforce.meeting.rest.MinutesDtos.NewComment;
import eu.taskforce.meeting.rest.MinutesDtos.NewSummary;
import eu.taskforce.meeting.rest.MinutesDtos.SummaryView;
import eu.taskforce.meeting.service.MinutesService;
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

import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/meetings/{meetingId}")
@Tag(name = "Minutes and summaries", description = "Minutes (DRAFT, IN_REVIEW with the attendees' comments, APPROVED),"
        + " the public summary, the confidential annex and the public list of withheld parts")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class MinutesResource {

    private final MinutesService minutes;
    private final Idempotency idempotency;

    public MinutesResource(MinutesService minutes, Idempotency idempotency) {
        this.minutes = minutes;
        this.idempotency = idempotency;
    }

    @GET
    @Path("minutes")
    @Authenticated
    @Operation(operationId = "getMinutes", summary = "The minutes of a meeting",
            description = "The AI Office; representatives of the attending organisations once the minutes are in"
                    + " review. Confidential.")
    @APIResponse(responseCode = "200", description = "The minutes",
            content = @Content(schema = @Schema(implementation = MinutesView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or no minutes (in review) yet")
    public Response get(@PathParam("meetingId") UUID meetingId) {
        Minutes m = minutes.read(meetingId);
        return Response.ok(MinutesView.of(m)).tag(Versions.etag(m.version)).build();
    }

    @PUT
    @Path("minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "writeMinutes", summary = "Write the minutes",
            description = "AI Office only, for a meeting held; while the minutes are DRAFT or IN_REVIEW.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = MinutesView.class)))
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = MinutesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting is not held, or the minutes are approved")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response write(@PathParam("meetingId") UUID meetingId, @Valid @NotNull MinutesText body,
                          @Parameter(description = "The minutes' ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          UriInfo uri) {
        MinutesService.Written written = minutes.write(meetingId, ifMatch, body.text());
        Response.ResponseBuilder response = written.created()
                ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return response.entity(MinutesView.of(written.minutes())).tag(Versions.etag(written.minutes().version)).build();
    }

    @POST
    @Path("minutes/review")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "reviewMinutes", summary = "Put the minutes in review", description = "AI Office only: DRAFT becomes IN_REVIEW.")
    @APIResponse(responseCode = "200", description = "In review",
            content = @Content(schema = @Schema(implementation = MinutesView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "No minutes, or they are not DRAFT")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response review(@PathParam("meetingId") UUID meetingId,
                           @Parameter(description = "The minutes' ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Minutes m = minutes.startReview(meetingId, ifMatch);
        return Response.ok(MinutesView.of(m)).tag(Versions.etag(m.version)).build();
    }

    @POST
    @Path("minutes/approval")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "approveMinutes", summary = "Approve the minutes", description = "AI Office only: IN_REVIEW becomes APPROVED, and frozen.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = MinutesView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "No minutes, or they are not IN_REVIEW")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response approve(@PathParam("meetingId") UUID meetingId,
                            @Parameter(description = "The minutes' ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Minutes m = minutes.approve(meetingId, ifMatch);
        return Response.ok(MinutesView.of(m)).tag(Versions.etag(m.version)).build();
    }

    @GET
    @Path("minutes/comments")
    @Authenticated
    @Operation(operationId = "listMinutesComments", summary = "The comments on the minutes",
            description = "The AI Office; representatives of the attending organisations once the minutes are in review.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "404", description = "No such meeting, or no minutes (in review) yet")
    public RestResponse<Page<CommentView>> comments(@PathParam("meetingId") UUID meetingId,
                             @Valid @BeanParam ListParameters list,
                             UriInfo uri) {
        Page<MinutesComment> page = minutes.comments(meetingId, list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(CommentView::of).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Path("minutes/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "commentOnMinutes", summary = "Comment on the minutes in review",
            description = "A representative of an organisation that attended, while the minutes are IN_REVIEW.")
    @APIResponse(responseCode = "201", description = "Commented",
            content = @Content(schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The minutes are not in review")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response comment(@PathParam("meetingId") UUID meetingId, @Valid @NotNull NewComment body,
                            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            MinutesComment comment = minutes.comment(meetingId, body.text());
            return Response.created(uri.getAbsolutePathBuilder().path(comment.id.toString()).build())
                    .entity(CommentView.of(comment)).build();
        });
    }

    @GET
    @Path("summary")
    @Authenticated
    @Operation(operationId = "getSummary", summary = "The public summary of a meeting held",
            description = "With the list of withheld parts (title and reason, never content).")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = SummaryView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or its summary is not published yet")
    public SummaryView summary(@PathParam("meetingId") UUID meetingId) {
        return SummaryView.of(minutes.summary(meetingId));
    }

    @POST
    @Path("summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "publishSummary", summary = "Publish the summary of a meeting held",
            description = "AI Office only, from approved minutes. The confidential annex stays here; what it withholds"
                    + " is listed publicly with the reason. The meeting becomes SUMMARY_PUBLISHED.")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = SummaryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or an annex without withheld parts (or the reverse)")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting is not held, the summary is published, or the minutes"
            + " are not approved")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response publish(@PathParam("meetingId") UUID meetingId, @Valid @NotNull NewSummary body,
                            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            MeetingSummary summary = minutes.publishSummary(meetingId, body.summary(), body.confidentialAnnex(),
                    body.withheldParts() == null ? List.of() : body.withheldParts().stream()
                            .map(p -> new MinutesService.Part(p.title(), p.reason())).toList());
            return Response.created(uri.getAbsolutePath()).entity(SummaryView.of(summary)).build();
        });
    }

    @GET
    @Path("summary/annex")
    @Authenticated
    @Operation(operationId = "getConfidentialAnnex", summary = "The confidential annex of a summary",
            description = "The AI Office and representatives of the attending organisations.")
    @APIResponse(responseCode = "200", description = "The annex",
            content = @Content(schema = @Schema(implementation = AnnexView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or its summary is not published yet")
    public AnnexView annex(@PathParam("meetingId") UUID meetingId) {
        return AnnexView.of(minutes.annex(meetingId));
    }
}
