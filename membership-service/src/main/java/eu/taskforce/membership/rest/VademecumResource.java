package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.VademecumEdition;
import eu.taskforce.membership.rest.VademecumDtos.EditionChange;
import eu.taskforce.membership.rest.VademecumDtos.EditionView;
import eu.taskforce.membership.rest.VademecumDtos.NewEdition;
import eu.taskforce.membership.service.VademecumService;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/membership/vademecum/editions")
@Tag(name = "Vademecum", description = "The Taskforce Vademecum: editions drafted and published by the AI Office, each"
        + " frozen with the participants list of its publication day")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class VademecumResource {

    private final VademecumService vademecum;
    private final Idempotency idempotency;

    public VademecumResource(VademecumService vademecum, Idempotency idempotency) {
        this.vademecum = vademecum;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listVademecumEditions", summary = "Editions of the Vademecum, in the order they were begun",
            description = "Published editions; the AI Office also sees its drafts.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    public RestResponse<Page<EditionView>> list(@Valid @BeanParam ListParameters list, UriInfo uri) {
        Page<VademecumEdition> page = vademecum.list(list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(EditionView::of).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "draftVademecumEdition", summary = "Begin a draft edition of the Vademecum",
            description = "AI Office only. Without sections, the draft copies those of the latest published edition.")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (a key given twice, a bound exceeded)")
    @APIResponse(responseCode = "403", description = "Not the AI Office")
    @APIResponse(responseCode = "409", description = "No sections given and no edition published yet to copy")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response draft(@Valid @NotNull NewEdition body,
                          @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                          @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                          UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            VademecumEdition edition = vademecum.draft(body.changeNote(), body.drafts());
            return Response.created(uri.getAbsolutePathBuilder().path(edition.id.toString()).build())
                    .tag(Versions.etag(edition.version)).entity(EditionView.of(edition)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getVademecumEdition", summary = "One edition of the Vademecum",
            description = "A draft only for the AI Office (404 for anyone else). Its ETag is the version to send as"
                    + " If-Match with a change.")
    @APIResponse(responseCode = "200", description = "The edition",
            content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "404", description = "No such edition (or a draft, to anyone but the AI Office)")
    public Response get(@PathParam("id") UUID id) {
        VademecumEdition edition = vademecum.get(id);
        return Response.ok(EditionView.of(edition)).tag(Versions.etag(edition.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "editVademecumDraft", summary = "Change a draft's change note and sections",
            description = "AI Office only; a published edition never changes.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (a key given twice, a bound exceeded)")
    @APIResponse(responseCode = "403", description = "Not the AI Office")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponse(responseCode = "409", description = "The edition is published")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response edit(@PathParam("id") UUID id, @Valid @NotNull EditionChange body,
                         @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        VademecumEdition edition = vademecum.edit(id, ifMatch, body.changeNote(), body.drafts());
        return Response.ok(EditionView.of(edition)).tag(Versions.etag(edition.version)).build();
    }

    @POST
    @Path("{id}/publication")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "publishVademecumEdition", summary = "Publish a draft edition",
            description = "AI Office only. Gives the edition the next number and today's date (UTC) and freezes it with"
                    + " the participants of that day: the member organisations with their public details, and their"
                    + " representatives only with a name published with their consent (as a commitment).")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "403", description = "Not the AI Office")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponse(responseCode = "409", description = "Already published, or a required section is missing")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response publish(@PathParam("id") UUID id,
                            @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        VademecumEdition edition = vademecum.publish(id, ifMatch);
        return Response.ok(EditionView.of(edition)).tag(Versions.etag(edition.version)).build();
    }
}
