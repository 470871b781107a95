package eu.taskforce.guidance.rest;

import eu.taskforce.guidance.domain.Feedback;
import eu.taskforce.guidance.domain.InputWindow;
import eu.taskforce.guidance.domain.WindowStatus;
import eu.taskforce.guidance.rest.GuidanceDtos.FeedbackInput;
import eu.taskforce.guidance.rest.GuidanceDtos.FeedbackView;
import eu.taskforce.guidance.rest.GuidanceDtos.WindowView;
import eu.taskforce.guidance.service.FeedbackService;
import eu.taskforce.guidance.service.WindowService;
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

import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/guidance/windows")
@Tag(name = "Input windows and feedback", description = "Taskforce input windows (separate from any public"
        + " consultation), the feedback of member organisations within them, and the publication of dispositions")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WindowResource {

    private final WindowService windows;
    private final FeedbackService feedback;
    private final Idempotency idempotency;
    private final GuidanceViews views;

    public WindowResource(WindowService windows, FeedbackService feedback, Idempotency idempotency, GuidanceViews views) {
        this.windows = windows;
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.views = views;
    }

    @GET
    @Operation(operationId = "listInputWindows", summary = "List input windows", description = "Everyone signed in. Newest first; or, with updatedSince,"
            + " by time of last change.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<WindowView>> list(@Parameter(description = "Only the windows of this document") @QueryParam("documentId") UUID documentId,
                         @Parameter(description = "OPEN or CLOSED, as recorded") @QueryParam("status") WindowStatus status,
                         @Valid @BeanParam SyncListParameters list,
                         UriInfo uri) {
        Page<InputWindow> page = windows.search(new WindowService.Filter(documentId, status, list.updatedSince()),
                list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(views::window).toList(), page.nextCursor()).toResponse(uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getInputWindow", summary = "One input window", description = "Everyone signed in; with its phase now and its counts.")
    @APIResponse(responseCode = "200", description = "The window", content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "404", description = "No such window")
    public Response get(@PathParam("id") UUID id) {
        InputWindow window = windows.get(id);
        return Response.ok(views.window(window)).tag(Versions.etag(window.version)).build();
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "closeInputWindow", summary = "Close a window before its closing time",
            description = "AI Office only; recorded as closed early. A window also closes by itself at its closing time.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "404", description = "No such window")
    @APIResponse(responseCode = "409", description = "Closed already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response close(@PathParam("id") UUID id,
                          @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        InputWindow window = windows.closeEarly(id, ifMatch);
        return Response.ok(views.window(window)).tag(Versions.etag(window.version)).build();
    }

    @GET
    @Path("{id}/feedback")
    @Operation(operationId = "listWindowFeedback", summary = "List the feedback of a window",
            description = "The AI Office sees every item; a member its own organisation's items and the PUBLIC items of"
                    + " others (an ANONYMOUS item without its organisation); stakeholders none (403). Oldest first; or,"
                    + " with updatedSince, by time of last change.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such window")
    public RestResponse<Page<FeedbackView>> feedback(@PathParam("id") UUID id,
                             @Parameter(description = "Only the items on this section") @QueryParam("sectionKey") String sectionKey,
                             @Valid @BeanParam SyncListParameters list,
                             UriInfo uri) {
        Page<Feedback> page = feedback.search(id, new FeedbackService.Filter(sectionKey, list.updatedSince()),
                list.cursor(), list.limit());
        return new Page<>(views.feedback(page.items()), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "giveFeedback", summary = "Give feedback",
            description = "A representative of a current member organisation, for it, while the window is open: on a"
                    + " section (sectionKey) or the whole version; ATTRIBUTED or ANONYMOUS; PUBLIC or CONFIDENTIAL.")
    @APIResponse(responseCode = "201", description = "Given", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (or no such section in the version)")
    @APIResponse(responseCode = "404", description = "No such window")
    @APIResponse(responseCode = "409", description = "The window is not open (before its opening, or closed)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response give(@PathParam("id") UUID id, @Valid @NotNull FeedbackInput body,
                         @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Feedback item = feedback.submit(id, body.input());
            return Response.created(uri.getBaseUriBuilder().path("api/v1/guidance/feedback").path(item.id.toString())
                    .build()).tag(Versions.etag(item.version)).entity(views.feedback(item)).build();
        });
    }

    @POST
    @Path("{id}/dispositions/publication")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "publishDispositions", summary = "Publish the dispositions of a closed window",
            description = "AI Office only, all together, once every item not withdrawn is answered. PUBLIC items and"
                    + " their dispositions become public; CONFIDENTIAL ones only as counts.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "404", description = "No such window")
    @APIResponse(responseCode = "409", description = "The window is open, some items are unanswered (how many), or published already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response publishDispositions(@PathParam("id") UUID id,
                                        @Parameter(description = "The window's ETag read last")
                                        @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        InputWindow window = windows.publishDispositions(id, ifMatch);
        return Response.ok(views.window(window)).tag(Versions.etag(window.version)).build();
    }
}
