package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.membership.rest.SignatoryDtos.MembershipView;
import eu.taskforce.membership.rest.SignatoryDtos.NewMembership;
import eu.taskforce.membership.rest.SignatoryDtos.NewSignatory;
import eu.taskforce.membership.rest.SignatoryDtos.SignatoryView;
import eu.taskforce.membership.service.SignatoryService;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/membership/signatories")
@Tag(name = "Signatories", description = "Signatories of the Code and their Taskforce membership")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role or organisation does not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SignatoryResource {

    private final SignatoryService signatories;

    public SignatoryResource(SignatoryService signatories) {
        this.signatories = signatories;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(summary = "Register a signatory of the Code", description = "AI Office only.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SignatoryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A signatory of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull NewSignatory body, UriInfo uri) {
        Signatory signatory = signatories.register(new SignatoryService.NewSignatory(body.name(), body.country(),
                body.website(), body.chapters(), body.signedOn()));
        return Response.created(uri.getAbsolutePathBuilder().path(signatory.id.toString()).build())
                .tag(etag(signatory))
                .entity(SignatoryView.of(signatory, false))
                .build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "One signatory")
    @APIResponse(responseCode = "200", description = "The signatory",
            content = @Content(schema = @Schema(implementation = SignatoryView.class)))
    @APIResponse(responseCode = "404", description = "No such signatory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Signatory signatory = signatories.get(id);
        return Response.ok(SignatoryView.of(signatory, Membership.current(id).isPresent())).tag(etag(signatory)).build();
    }

    @POST
    @Path("{id}/memberships")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(summary = "Record that a signatory joins the Taskforce", description = "AI Office only.")
    @APIResponse(responseCode = "201", description = "A new membership period began",
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "404", description = "No such signatory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already a member, or the signature was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response join(@PathParam("id") UUID id, @Valid NewMembership body, UriInfo uri) {
        Membership membership = signatories.join(id, body == null ? null : body.joinedOn());
        return Response.created(uri.getAbsolutePathBuilder().path(membership.id.toString()).build())
                .entity(MembershipView.of(membership))
                .build();
    }

    @GET
    @Path("{id}/memberships")
    @Authenticated
    @Operation(summary = "Every membership period of a signatory, oldest first")
    @APIResponse(responseCode = "200", description = "The membership history")
    @APIResponse(responseCode = "404", description = "No such signatory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MembershipView> history(@PathParam("id") UUID id) {
        signatories.get(id);
        return Membership.history(id).stream().map(MembershipView::of).toList();
    }

    private static EntityTag etag(Signatory signatory) {
        return new EntityTag(Long.toString(signatory.version));
    }
}
