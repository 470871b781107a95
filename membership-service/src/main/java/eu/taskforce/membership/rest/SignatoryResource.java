package eu.taskforce.membership.rest;

import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.domain.ChaptersChange;
import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.membership.rest.SignatoryDtos.ChaptersChangeView;
import eu.taskforce.membership.rest.SignatoryDtos.Leave;
import eu.taskforce.membership.rest.SignatoryDtos.MembershipView;
import eu.taskforce.membership.rest.SignatoryDtos.NewMembership;
import eu.taskforce.membership.rest.SignatoryDtos.NewSignatory;
import eu.taskforce.membership.rest.SignatoryDtos.SignatoryChange;
import eu.taskforce.membership.rest.SignatoryDtos.SignatoryView;
import eu.taskforce.membership.rest.SignatoryDtos.Withdrawal;
import eu.taskforce.membership.service.SignatoryService;
import eu.taskforce.membership.service.SignatoryService.Filter;
import eu.taskforce.membership.service.SignatoryService.Status;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.SyncListParameters;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/membership/signatories")
@Tag(name = "Signatories", description = "Signatories of the Code, the chapters they signed, and their Taskforce membership")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class SignatoryResource {

    private final SignatoryService signatories;
    private final Idempotency idempotency;

    public SignatoryResource(SignatoryService signatories, Idempotency idempotency) {
        this.signatories = signatories;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listSignatories", summary = "List and search signatories and members",
            description = "By name; or, with updatedSince, by time of last change for incremental sync.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<SignatoryView>> list(
            @Parameter(description = "Part of the name, any case") @QueryParam("name") String name,
            @Parameter(description = "Signed this chapter") @QueryParam("chapter") Chapter chapter,
            @Parameter(description = "ISO 3166-1 alpha-2 country code") @QueryParam("country")
            @Pattern(regexp = SignatoryDtos.COUNTRY_PATTERN, message = SignatoryDtos.COUNTRY_MESSAGE) String country,
            @Parameter(description = "SIGNED or WITHDRAWN") @QueryParam("status") Status status,
            @Parameter(description = "Only current members (true) or non-members (false)") @QueryParam("member") Boolean member,
            @Parameter(description = "Only those that were members on this day", example = "2026-01-30")
            @QueryParam("memberOn") LocalDate memberOn,
            @Valid @BeanParam SyncListParameters list,
            UriInfo uri) {
        Page<Signatory> page = signatories.search(new Filter(name, chapter, country, status, member, memberOn,
                list.updatedSince()), list.cursor(), list.limit());
        Set<UUID> members = signatories.currentMembers(page.items().stream().map(s -> s.id).toList());
        return new Page<>(page.items().stream().map(s -> SignatoryView.of(s, members.contains(s.id))).toList(),
                page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "registerSignatory", summary = "Register a signatory of the Code", description = "AI Office only.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SignatoryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "A signatory of that name exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response register(@Valid @NotNull NewSignatory body,
                             @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Signatory signatory = signatories.register(new SignatoryService.NewSignatory(body.name(), body.country(),
                    body.website(), body.chapters(), body.signedOn()));
            return Response.created(uri.getAbsolutePathBuilder().path(signatory.id.toString()).build())
                    .tag(Versions.etag(signatory.version)).entity(SignatoryView.of(signatory, false)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getSignatory", summary = "One signatory", description = "Its ETag is the version to send as If-Match with a change.")
    @APIResponse(responseCode = "200", description = "The signatory",
            content = @Content(schema = @Schema(implementation = SignatoryView.class)))
    @APIResponse(responseCode = "404", description = "No such signatory")
    public Response get(@PathParam("id") UUID id) {
        Signatory signatory = signatories.get(id);
        return Response.ok(SignatoryView.of(signatory, signatories.isMember(id)))
                .tag(Versions.etag(signatory.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "updateSignatory", summary = "Change a signatory's details or the chapters it signed",
            description = "AI Office only. A change of chapters is kept in the chapter history.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = SignatoryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such signatory")
    @APIResponse(responseCode = "409", description = "The name is taken, or the signature was withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull SignatoryChange body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Signatory signatory = signatories.update(id, ifMatch, new SignatoryService.SignatoryChange(body.name(),
                body.country(), body.website(), body.chapters(), body.effectiveOn()));
        return Response.ok(SignatoryView.of(signatory, signatories.isMember(id)))
                .tag(Versions.etag(signatory.version)).build();
    }

    @GET
    @Path("{id}/chapters")
    @Authenticated
    @Operation(operationId = "listChapterHistory", summary = "The history of the chapters a signatory signed, oldest first")
    @APIResponse(responseCode = "200", description = "The chapter history")
    @APIResponse(responseCode = "404", description = "No such signatory")
    public List<ChaptersChangeView> chapterHistory(@PathParam("id") UUID id) {
        signatories.get(id);
        return ChaptersChange.history(id).stream().map(ChaptersChangeView::of).toList();
    }

    @POST
    @Path("{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "withdrawSignatory", summary = "Record that a signatory withdrew its signature",
            description = "AI Office only. Ends a current Taskforce membership.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = SignatoryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such signatory")
    @APIResponse(responseCode = "409", description = "Already withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response withdraw(@PathParam("id") UUID id, @Valid Withdrawal body,
                             @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Signatory signatory = signatories.withdraw(id, ifMatch, body == null ? null : body.withdrawnOn());
        return Response.ok(SignatoryView.of(signatory, false)).tag(Versions.etag(signatory.version)).build();
    }

    @POST
    @Path("{id}/memberships")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "joinTaskforce", summary = "Record that a signatory joins the Taskforce", description = "AI Office only.")
    @APIResponse(responseCode = "201", description = "A new membership period began",
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such signatory")
    @APIResponse(responseCode = "409", description = "Already a member, or the signature was withdrawn")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response join(@PathParam("id") UUID id, @Valid NewMembership body,
                         @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         UriInfo uri) {
        LocalDate joinedOn = body == null ? null : body.joinedOn();
        return idempotency.once(idempotencyKey, uri, joinedOn == null ? "" : joinedOn.toString(), () -> {
            Membership membership = signatories.join(id, joinedOn);
            return Response.created(uri.getAbsolutePathBuilder().path(membership.id.toString()).build())
                    .entity(MembershipView.of(membership)).build();
        });
    }

    @POST
    @Path("{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "leaveTaskforce", summary = "Record that a member leaves the Taskforce",
            description = "The AI Office, or a representative of the organisation itself.")
    @APIResponse(responseCode = "200", description = "The membership period ended",
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such signatory")
    @APIResponse(responseCode = "409", description = "Not a member")
    public MembershipView leave(@PathParam("id") UUID id, @Valid Leave body) {
        return MembershipView.of(signatories.leave(id, body == null ? null : body.leftOn()));
    }

    @GET
    @Path("{id}/memberships")
    @Authenticated
    @Operation(operationId = "listMemberships", summary = "Every membership period of a signatory, oldest first")
    @APIResponse(responseCode = "200", description = "The membership history")
    @APIResponse(responseCode = "404", description = "No such signatory")
    public List<MembershipView> history(@PathParam("id") UUID id) {
        signatories.get(id);
        return Membership.history(id).stream().map(MembershipView::of).toList();
    }
}
