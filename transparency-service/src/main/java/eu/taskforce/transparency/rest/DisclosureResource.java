package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.ingest.Derivation;
import eu.taskforce.transparency.query.DisclosureQueries;
import eu.taskforce.transparency.query.Pages.DisclosurePage;
import eu.taskforce.transparency.query.Pages.WithdrawalPage;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.Disclosure;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/**
 * People's names in the register: the log and the lists hold salted commitments; the openings of those disclosed
 * (with the person's consent) are served here, for the verifier and for mirrors, and the withdrawals are the mirrors'
 * deletions feed: a mirror deletes the value of every commitment listed and may keep the commitment.
 */
@Path("/api/v1/public/register")
@Tag(name = "Verifiable record")
@PermitAll
public class DisclosureResource {

    private final DisclosureQueries disclosures;
    private final PublicHttp http;

    public DisclosureResource(DisclosureQueries disclosures, PublicHttp http) {
        this.disclosures = disclosures;
        this.http = http;
    }

    @GET
    @Path("disclosures/{commitment}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicDisclosure", summary = "The opening of a commitment while its value is disclosed",
            description = "The value (a person's name or field of expertise, published with consent) and the salt. "
                    + "Recompute the commitment: sha256: + hex(SHA-256(UTF-8(RFC 8785 JSON of {field, ref, salt, value})))")
    @APIResponse(responseCode = "200", description = "The opening",
            content = @Content(schema = @Schema(implementation = Disclosure.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not a commitment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not disclosed: the detail says why (PENDING, NOT_DISCLOSED, "
            + "CONSENT_WITHDRAWN, RECTIFIED, ERASED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response disclosure(@Parameter(description = "sha256: and 64 lower-case hex digits",
                                       schema = @Schema(pattern = "^sha256:[0-9a-f]{64}$", maxLength = 71))
                               @PathParam("commitment") String commitment, @Context Request request) {
        if (commitment == null || !Derivation.COMMITMENT.matcher(commitment).matches()) {
            throw ProblemException.badRequest("A commitment is sha256: and 64 lower-case hex digits");
        }
        return http.json(request, disclosures.opening(commitment).orElseThrow(() -> new ProblemException(404,
                "not-disclosed", "Not disclosed",
                "The value of " + commitment + " is not disclosed: " + disclosures.withheld(commitment))));
    }

    @GET
    @Path("disclosures")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicDisclosures", summary = "Every disclosed opening, by commitment",
            description = "For the verifier and for mirrors. With updatedSince: those disclosed at or after that time "
                    + "(a name that appears later, once resolved, is listed here, not as a change of its aggregate)")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next",
            content = @Content(schema = @Schema(implementation = DisclosurePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response disclosures(
            @Parameter(description = ParticipantResource.LIMIT) @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @Parameter(description = ParticipantResource.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only those disclosed at or after this time (ISO-8601)") @QueryParam("updatedSince") OffsetDateTime updatedSince,
            @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, DisclosureQueries.DISCLOSURES, Params.of(), cursor, updatedSince, limit);
    }

    @GET
    @Path("withdrawals")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicWithdrawals", summary = "Commitments whose value was withdrawn, rectified or erased: the mirrors' deletions feed",
            description = "By the time of the event that withdrew them. A mirror deletes the value of each commitment "
                    + "listed (and any copy of it) and may keep the commitment; the aggregate concerned is also listed "
                    + "again by updatedSince, without the value")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next",
            content = @Content(schema = @Schema(implementation = WithdrawalPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdrawals(
            @Parameter(description = ParticipantResource.LIMIT) @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @Parameter(description = ParticipantResource.CURSOR) @QueryParam("cursor") String cursor,
            @Parameter(description = "Only those withdrawn at or after this time (ISO-8601)") @QueryParam("updatedSince") OffsetDateTime updatedSince,
            @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, DisclosureQueries.WITHDRAWALS, Params.of(), cursor, updatedSince, limit);
    }
}
