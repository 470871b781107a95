package eu.taskforce.guidance.rest;

import eu.taskforce.guidance.domain.Feedback;
import eu.taskforce.guidance.domain.FeedbackRevision;
import eu.taskforce.guidance.rest.GuidanceDtos.DispositionInput;
import eu.taskforce.guidance.rest.GuidanceDtos.FeedbackInput;
import eu.taskforce.guidance.rest.GuidanceDtos.FeedbackView;
import eu.taskforce.guidance.rest.GuidanceDtos.RevisionView;
import eu.taskforce.guidance.service.FeedbackService;
import eu.taskforce.platform.api.Cursor;
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

@Path("/api/v1/guidance/feedback")
@Tag(name = "Input windows and feedback")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The caller's role does not allow this, or the item (readable) is"
        + " another organisation's")
@APIResponse(responseCode = "404", description = "No such item, or one the caller may not read (another organisation's"
        + " CONFIDENTIAL or withdrawn item)")
public class FeedbackResource {

    private final FeedbackService feedback;
    private final GuidanceViews views;

    public FeedbackResource(FeedbackService feedback, GuidanceViews views) {
        this.feedback = feedback;
        this.views = views;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getFeedback", summary = "One feedback item", description = "The AI Office; the organisation that gave it; other members"
            + " if it is PUBLIC and not withdrawn.")
    @APIResponse(responseCode = "200", description = "The item; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    public Response get(@PathParam("id") UUID id) {
        Feedback item = feedback.get(id);
        return Response.ok(views.feedback(item)).tag(Versions.etag(item.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "updateFeedback", summary = "Edit feedback", description = "The organisation that gave it, while the window is open. The"
            + " earlier text is kept as a revision.")
    @APIResponse(responseCode = "200", description = "Edited", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "The window is closed, or the item withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull FeedbackInput body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Feedback item = feedback.update(id, ifMatch, body.input());
        return Response.ok(views.feedback(item)).tag(Versions.etag(item.version)).build();
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "withdrawFeedback", summary = "Withdraw feedback", description = "The organisation that gave it, while the window is open.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "409", description = "The window is closed, or the item withdrawn already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response withdraw(@PathParam("id") UUID id,
                             @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Feedback item = feedback.withdraw(id, ifMatch);
        return Response.ok(views.feedback(item)).tag(Versions.etag(item.version)).build();
    }

    @GET
    @Path("{id}/revisions")
    @Operation(operationId = "listFeedbackRevisions", summary = "The history of a feedback item",
            description = "The organisation that gave it and the AI Office (earlier states may have been CONFIDENTIAL)."
                    + " Oldest first.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    public RestResponse<Page<RevisionView>> revisions(@PathParam("id") UUID id,
                              @Valid @BeanParam ListParameters list,
                              UriInfo uri) {
        int from = list.cursor() == null ? 0 : Cursor.integer(Cursor.decode(list.cursor(), 1).get(0));
        List<FeedbackRevision> rows = feedback.revisions(id).stream().filter(r -> r.key.revision > from)
                .limit(list.limit() + 1L).toList();
        return Page.of(rows, list.limit(), GuidanceViews::revision,
                        r -> Cursor.encode(Integer.toString(r.key.revision)))
                .toResponse(uri);
    }

    @PUT
    @Path("{id}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "answerFeedback", summary = "Answer a feedback item", description = "AI Office only, after the window closed and until the"
            + " dispositions are published (together, on the window).")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "The window is open, the dispositions are published, or the item withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response answer(@PathParam("id") UUID id, @Valid @NotNull DispositionInput body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Feedback item = feedback.answer(id, ifMatch, body.disposition(), body.response());
        return Response.ok(views.feedback(item)).tag(Versions.etag(item.version)).build();
    }
}
