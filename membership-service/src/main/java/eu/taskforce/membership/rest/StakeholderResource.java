package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Stakeholder;
import eu.taskforce.membership.rest.RepresentativeDtos.ConsentRequest;
import eu.taskforce.membership.rest.RepresentativeDtos.ConsentView;
import eu.taskforce.membership.rest.StakeholderDtos.StakeholderRequest;
import eu.taskforce.membership.rest.StakeholderDtos.StakeholderView;
import eu.taskforce.membership.service.StakeholderService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.ListParameters;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/membership/stakeholders")
@Tag(name = "Stakeholders", description = "Third-party stakeholders and invited experts; AI Office only")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.AI_OFFICE)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not the AI Office")
public class StakeholderResource {

    private final StakeholderService stakeholders;
    private final Idempotency idempotency;

    public StakeholderResource(StakeholderService stakeholders, Idempotency idempotency) {
        this.stakeholders = stakeholders;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listStakeholders", summary = "Stakeholders and experts, by name")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    public RestResponse<Page<StakeholderView>> list(@Parameter(description = "Part of the name or field of expertise") @QueryParam("q") String text,
                         @Valid @BeanParam ListParameters list,
                         UriInfo uri) {
        Page<Stakeholder> page = stakeholders.search(text, list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(StakeholderView::of).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerStakeholder", summary = "Register a stakeholder or invited expert")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response register(@Valid @NotNull StakeholderRequest body,
                             @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Stakeholder stakeholder = stakeholders.register(body.details());
            return Response.created(uri.getAbsolutePathBuilder().path(stakeholder.id.toString()).build())
                    .tag(Versions.etag(stakeholder.version)).entity(StakeholderView.of(stakeholder)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStakeholder", summary = "One stakeholder or expert")
    @APIResponse(responseCode = "200", description = "The stakeholder",
            content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    public Response get(@PathParam("id") UUID id) {
        Stakeholder stakeholder = stakeholders.get(id);
        return Response.ok(StakeholderView.of(stakeholder)).tag(Versions.etag(stakeholder.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateStakeholder", summary = "Change a stakeholder's details or consent")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull StakeholderRequest body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Stakeholder stakeholder = stakeholders.update(id, ifMatch, body.details());
        return Response.ok(StakeholderView.of(stakeholder)).tag(Versions.etag(stakeholder.version)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "removeStakeholder", summary = "Remove a stakeholder or expert from the list")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public void remove(@PathParam("id") UUID id,
                       @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        stakeholders.remove(id, ifMatch);
    }

    @PUT
    @Path("{id}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveStakeholderConsent", summary = "Record the stakeholder's consent to be listed publicly",
            description = "Stakeholders give it to the AI Office, which records who, when and which privacy notice. A "
                    + "person is listed only with such a consent; their name and field of expertise are then published "
                    + "(as commitments in events). Recording it again while it holds changes nothing.")
    @APIResponse(responseCode = "200", description = "Consent recorded; the stakeholder is listed",
            content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    @APIResponse(responseCode = "422", description = "Not the current version of the privacy notice")
    public Response giveConsent(@PathParam("id") UUID id, @Valid @NotNull ConsentRequest body) {
        Stakeholder stakeholder = stakeholders.giveConsent(id, body.noticeVersion());
        return Response.ok(StakeholderView.of(stakeholder)).tag(Versions.etag(stakeholder.version)).build();
    }

    @DELETE
    @Path("{id}/consent")
    @Operation(operationId = "withdrawStakeholderConsent", summary = "Withdraw the stakeholder's consent to be listed",
            description = "The stakeholder is unlisted everywhere. Withdrawing again changes nothing.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    public Response withdrawConsent(@PathParam("id") UUID id) {
        Stakeholder stakeholder = stakeholders.withdrawConsent(id);
        return Response.ok(StakeholderView.of(stakeholder)).tag(Versions.etag(stakeholder.version)).build();
    }

    @GET
    @Path("{id}/consents")
    @Operation(operationId = "listStakeholderConsents", summary = "The record of the stakeholder's consents, newest first (at most 100)")
    @APIResponse(responseCode = "200", description = "The consents given and withdrawn")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    public List<ConsentView> consents(@PathParam("id") UUID id) {
        stakeholders.get(id);
        return Consent.history(id).stream().map(ConsentView::of).toList();
    }

    @POST
    @Path("{id}/erasure")
    @Operation(operationId = "eraseStakeholder", summary = "Erase the stakeholder's personal data",
            description = "On the person's request: name, field of expertise and contact are erased, every published "
                    + "value is withdrawn, the stakeholder is removed, and `stakeholder-erased` tells every other "
                    + "service and subscriber to forget. Works on removed stakeholders too; erasing again changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such stakeholder")
    public void erase(@PathParam("id") UUID id) {
        stakeholders.erase(id);
    }
}
