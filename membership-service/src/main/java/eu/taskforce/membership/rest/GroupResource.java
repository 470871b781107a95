package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.AdHocGroup;
import eu.taskforce.membership.rest.GroupDtos.GroupView;
import eu.taskforce.membership.rest.GroupDtos.NewGroup;
import eu.taskforce.membership.rest.GroupDtos.NewParticipant;
import eu.taskforce.membership.rest.GroupDtos.NewStakeholder;
import eu.taskforce.membership.service.GroupService;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/membership/groups")
@Tag(name = "Ad-hoc groups", description = "Ad-hoc groups of the Taskforce, formed by the AI Office")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Not the AI Office")
public class GroupResource {

    private final GroupService groups;
    private final Idempotency idempotency;

    public GroupResource(GroupService groups, Idempotency idempotency) {
        this.groups = groups;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listAdHocGroups", summary = "The ad-hoc groups, by name, with their participants")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    public RestResponse<Page<GroupView>> list(@Valid @BeanParam ListParameters list,
                         UriInfo uri) {
        Page<AdHocGroup> page = groups.list(list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(GroupView::of).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "formAdHocGroup", summary = "Form an ad-hoc group", description = "AI Office only.")
    @APIResponse(responseCode = "201", description = "Formed",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "A group of that name exists")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response create(@Valid @NotNull NewGroup body,
                           @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            AdHocGroup group = groups.create(body.name(), body.description());
            return Response.created(uri.getAbsolutePathBuilder().path(group.id.toString()).build())
                    .tag(Versions.etag(group.version)).entity(GroupView.of(group)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getAdHocGroup", summary = "One ad-hoc group with its participants")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    public Response get(@PathParam("id") UUID id) {
        AdHocGroup group = groups.get(id);
        return Response.ok(GroupView.of(group)).tag(Versions.etag(group.version)).build();
    }

    @POST
    @Path("{id}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "addGroupParticipant", summary = "Add a member organisation to a group", description = "AI Office only.")
    @APIResponse(responseCode = "200", description = "The group with its participants",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such group or organisation")
    @APIResponse(responseCode = "409", description = "Not a member organisation, or already taking part")
    public GroupView addParticipant(@PathParam("id") UUID id, @Valid @NotNull NewParticipant body) {
        return GroupView.of(groups.addParticipant(id, body.organisationId()));
    }

    @DELETE
    @Path("{id}/participants/{organisationId}")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "removeGroupParticipant", summary = "Remove an organisation from a group", description = "AI Office only.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such group, or the organisation does not take part")
    public void removeParticipant(@PathParam("id") UUID id, @PathParam("organisationId") UUID organisationId) {
        groups.removeParticipant(id, organisationId);
    }

    @POST
    @Path("{id}/stakeholders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "addGroupStakeholder", summary = "Add a stakeholder or invited expert of the register to a"
            + " group", description = "AI Office only. The stakeholder must be on the register (not removed).")
    @APIResponse(responseCode = "200", description = "The group with its participants",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such group, or no such stakeholder on the register")
    @APIResponse(responseCode = "409", description = "The stakeholder already takes part")
    public GroupView addStakeholder(@PathParam("id") UUID id, @Valid @NotNull NewStakeholder body) {
        return GroupView.of(groups.addStakeholder(id, body.stakeholderId()));
    }

    @DELETE
    @Path("{id}/stakeholders/{stakeholderId}")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "removeGroupStakeholder", summary = "Remove a stakeholder from a group",
            description = "AI Office only. A stakeholder removed from the register (or erased) leaves its groups by"
                    + " itself.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such group, or the stakeholder does not take part")
    public void removeStakeholder(@PathParam("id") UUID id, @PathParam("stakeholderId") UUID stakeholderId) {
        groups.removeStakeholder(id, stakeholderId);
    }
}
