package eu.taskforce.transparency.rest;

import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Roles;
import eu.taskforce.transparency.log.HeadSigner;
import eu.taskforce.transparency.log.Rebuild;
import eu.taskforce.transparency.query.LogDtos.SignedHeadView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the AI Office runs on the register: a rebuild from the topics, and signing the head now. */
@Path("/api/v1/transparency")
@Tag(name = "Register administration", description = "AI Office only")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AI_OFFICE)
@SecurityRequirement(name = "SecurityScheme")
public class AdminResource {

    private final Rebuild rebuild;
    private final HeadSigner signer;

    public AdminResource(Rebuild rebuild, HeadSigner signer) {
        this.rebuild = rebuild;
        this.signer = signer;
    }

    @POST
    @Path("rebuilds")
    @Operation(operationId = "startRebuild", summary = "Rebuild the read model from the topics into a new generation; the current one serves until it has caught up")
    @APIResponse(responseCode = "202", description = "Started; GET /rebuilds tells the progress",
            content = @Content(schema = @Schema(implementation = Rebuild.Status.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the AI Office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startRebuild() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Path("rebuilds")
    @Operation(operationId = "getRebuildStatus", summary = "The generations of the read model and the progress of a rebuild")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = Rebuild.Status.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the AI Office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Rebuild.Status rebuildStatus() {
        return rebuild.status();
    }

    @POST
    @Path("log/heads")
    @Operation(operationId = "signLogHead", summary = "Sign the head of the log now (it is also signed periodically)")
    @APIResponse(responseCode = "201", description = "The latest signed head",
            content = @Content(schema = @Schema(implementation = SignedHeadView.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the AI Office",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The log is empty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signHead() {
        return signer.sign().map(head -> Response.status(201).entity(SignedHeadView.of(head)).build())
                .orElseThrow(() -> ProblemException.conflict("The log is empty: nothing to sign"));
    }
}
