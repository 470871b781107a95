package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Decision;
import eu.taskforce.meeting.domain.DecisionStatus;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.meeting.domain.Vote;
import eu.taskforce.meeting.rest.DecisionDtos.Ballot;
import eu.taskforce.meeting.rest.DecisionDtos.DecisionView;
import eu.taskforce.meeting.rest.DecisionDtos.NewDecision;
import eu.taskforce.meeting.rest.DecisionDtos.VoteView;
import eu.taskforce.meeting.service.DecisionService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.ListParameters;
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

import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/meetings/decisions")
@Tag(name = "Decisions", description = "Questions put to the member organisations: one vote each, changeable until the"
        + " closing time; the result and counts are published, who voted how is not")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;
    private final Idempotency idempotency;

    public DecisionResource(DecisionService decisions, Idempotency idempotency) {
        this.decisions = decisions;
        this.idempotency = idempotency;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listDecisions", summary = "List decisions",
            description = "Newest first; or, with updatedSince, by time of last change for incremental sync.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<DecisionView>> list(@Parameter(description = "OPEN or CLOSED") @QueryParam("status") DecisionStatus status,
                         @Valid @BeanParam SyncListParameters list,
                         UriInfo uri) {
        Page<Decision> page = decisions.search(new DecisionService.Filter(status, list.updatedSince()), list.cursor(),
                list.limit());
        return new Page<>(page.items().stream().map(d -> DecisionView.of(d, decisions.myVote(d.id))).toList(),
                page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "openDecision", summary = "Open a decision", description = "AI Office only.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: a closing time in the past, an unknown meeting or subject, a quorum out of 1-100...")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response open(@Valid @NotNull NewDecision body,
                         @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Decision decision = decisions.open(body.toQuestion());
            return Response.created(uri.getAbsolutePathBuilder().path(decision.id.toString()).build())
                    .tag(Versions.etag(decision.version)).entity(DecisionView.of(decision, null)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getDecision", summary = "One decision", description = "The counts once closed; a member also sees its own vote.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "404", description = "No such decision")
    public Response get(@PathParam("id") UUID id) {
        Decision decision = decisions.get(id);
        return Response.ok(DecisionView.of(decision, decisions.myVote(id))).tag(Versions.etag(decision.version)).build();
    }

    @GET
    @Path("{id}/votes")
    @Authenticated
    @Operation(operationId = "listVotes", summary = "Who voted how", description = "The AI Office and representatives of member organisations only.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "404", description = "No such decision")
    public RestResponse<Page<VoteView>> votes(@PathParam("id") UUID id,
                          @Valid @BeanParam ListParameters list,
                          UriInfo uri) {
        Page<Vote> page = decisions.votes(id, list.cursor(), list.limit());
        var names = MemberOrganisation.names(page.items().stream().map(v -> v.key.organisationId).toList());
        return new Page<>(page.items().stream().map(v -> VoteView.of(v, names.get(v.key.organisationId))).toList(),
                page.nextCursor()).toResponse(uri);
    }

    @PUT
    @Path("{id}/votes/{organisationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "castVote", summary = "Cast or change an organisation's vote",
            description = "A representative of that organisation, which must be a current member, until the closing"
                    + " time.")
    @APIResponse(responseCode = "200", description = "The vote",
            content = @Content(schema = @Schema(implementation = VoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such decision")
    @APIResponse(responseCode = "409", description = "Voting closed, or the organisation is not a current member")
    public VoteView vote(@PathParam("id") UUID id, @PathParam("organisationId") UUID organisationId,
                         @Valid @NotNull Ballot body) {
        Vote vote = decisions.vote(id, organisationId, body.choice());
        return VoteView.of(vote, MemberOrganisation.nameOf(organisationId));
    }
}
