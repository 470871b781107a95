package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.rest.RepresentativeDtos.ConsentRequest;
import eu.taskforce.membership.rest.RepresentativeDtos.ConsentView;
import eu.taskforce.membership.rest.RepresentativeDtos.RepresentativeRequest;
import eu.taskforce.membership.rest.RepresentativeDtos.RepresentativeView;
import eu.taskforce.membership.service.RepresentativeService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.Versions;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;

@Path("/api/v1/membership/signatories/{organisationId}/representatives")
@Tag(name = "Representatives", description = "Representatives of member organisations. A member organisation "
        + "manages its own; the AI Office manages all. Contact details are never public.")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Neither the AI Office nor a representative of this organisation")
@APIResponse(responseCode = "404", description = "No such organisation or representative")
public class RepresentativeResource {

    private final RepresentativeService representatives;
    private final Idempotency idempotency;

    public RepresentativeResource(RepresentativeService representatives, Idempotency idempotency) {
        this.representatives = representatives;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listRepresentatives", summary = "The organisation's current representatives, by name")
    @APIResponse(responseCode = "200", description = "The representatives, with their contact details")
    public List<RepresentativeView> list(@PathParam("organisationId") UUID organisationId) {
        return representatives.list(organisationId).stream().map(RepresentativeView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appointRepresentative", summary = "Appoint a representative of a member organisation")
    @APIResponse(responseCode = "201", description = "Appointed",
            content = @Content(schema = @Schema(implementation = RepresentativeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "Not a member organisation, a second principal, or the account "
            + "already belongs to a representative")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response appoint(@PathParam("organisationId") UUID organisationId, @Valid @NotNull RepresentativeRequest body,
                            @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Representative representative = representatives.appoint(organisationId, body.details());
            return Response.created(uri.getAbsolutePathBuilder().path(representative.id.toString()).build())
                    .tag(Versions.etag(representative.version)).entity(RepresentativeView.of(representative)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRepresentative", summary = "One representative", description = "Its ETag is the version to send as If-Match.")
    @APIResponse(responseCode = "200", description = "The representative",
            content = @Content(schema = @Schema(implementation = RepresentativeView.class)))
    public Response get(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id) {
        Representative representative = representatives.get(organisationId, id);
        return Response.ok(RepresentativeView.of(representative)).tag(Versions.etag(representative.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateRepresentative", summary = "Change a representative's details, role or consent")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = RepresentativeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "A second principal, or the account belongs to another representative")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id,
                           @Valid @NotNull RepresentativeRequest body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Representative representative = representatives.update(organisationId, id, ifMatch, body.details());
        return Response.ok(RepresentativeView.of(representative)).tag(Versions.etag(representative.version)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "removeRepresentative", summary = "End a representative's appointment", description = "The record is kept for the history.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public void remove(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id,
                       @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        representatives.remove(organisationId, id, ifMatch);
    }

    @PUT
    @Path("{id}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveRepresentativeConsent", summary = "Consent to the publication of the representative's name",
            description = "Given by the person themselves, logged in with the account of the representative, or recorded "
                    + "by the AI Office (who, when and which privacy notice are kept). A colleague of the organisation "
                    + "cannot consent for them. Giving it again while it holds changes nothing.")
    @APIResponse(responseCode = "200", description = "Consent recorded; the name is published",
            content = @Content(schema = @Schema(implementation = RepresentativeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "Not the current version of the privacy notice")
    public Response giveConsent(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id,
                                @Valid @NotNull ConsentRequest body) {
        Representative representative = representatives.giveConsent(organisationId, id, body.noticeVersion());
        return Response.ok(RepresentativeView.of(representative)).tag(Versions.etag(representative.version)).build();
    }

    @DELETE
    @Path("{id}/consent")
    @Operation(operationId = "withdrawRepresentativeConsent", summary = "Withdraw the consent to the publication of the representative's name",
            description = "By the person themselves or the AI Office on their request: the name is unpublished "
                    + "everywhere, as on erasure. Withdrawing again changes nothing.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = RepresentativeView.class)))
    public Response withdrawConsent(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id) {
        Representative representative = representatives.withdrawConsent(organisationId, id);
        return Response.ok(RepresentativeView.of(representative)).tag(Versions.etag(representative.version)).build();
    }

    @GET
    @Path("{id}/consents")
    @Operation(operationId = "listRepresentativeConsents", summary = "The record of the representative's consents, newest first (at most 100)")
    @APIResponse(responseCode = "200", description = "The consents given and withdrawn")
    public List<ConsentView> consents(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id) {
        representatives.get(organisationId, id);
        return Consent.history(id).stream().map(ConsentView::of).toList();
    }

    @POST
    @Path("{id}/erasure")
    @Operation(operationId = "eraseRepresentative", summary = "Erase the representative's personal data",
            description = "On the person's request, by the person themselves or the AI Office: name, e-mail and account "
                    + "name are erased here, every published value is withdrawn, the appointment ends, and "
                    + "`representative-erased` tells every other service and subscriber to forget. Works on removed "
                    + "representatives too; erasing again changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    public void erase(@PathParam("organisationId") UUID organisationId, @PathParam("id") UUID id) {
        representatives.erase(organisationId, id);
    }
}
