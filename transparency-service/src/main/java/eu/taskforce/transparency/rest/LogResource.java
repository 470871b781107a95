package eu.taskforce.transparency.rest;

import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.log.HeadSigner;
import eu.taskforce.transparency.query.LogDtos.ConsistencyProof;
import eu.taskforce.transparency.query.LogDtos.LogEntries;
import eu.taskforce.transparency.query.LogDtos.PublicKeys;
import eu.taskforce.transparency.query.LogDtos.SignedHeadView;
import eu.taskforce.transparency.query.LogDtos.SignedHeads;
import eu.taskforce.transparency.query.LogQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/**
 * The verifiable record: the hash-chained log of register entries, its signed heads, the public keys and consistency
 * proofs. The format is described in transparency-service/README.md; {@code transparency-service/verify-register}
 * checks a running instance.
 */
@Path("/api/v1/public/register/log")
@Tag(name = "Verifiable record", description = "The append-only, hash-chained log of register entries and its signed heads")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LogResource {

    static final int MAX_ENTRIES = 1000;
    static final int MAX_PROOF = 100_000;

    private final LogQueries log;
    private final HeadSigner signer;
    private final PublicHttp http;

    public LogResource(LogQueries log, HeadSigner signer, PublicHttp http) {
        this.log = log;
        this.signer = signer;
        this.http = http;
    }

    @GET
    @Path("entries")
    @Operation(operationId = "listLogEntries", summary = "Entries of the log in order, from a sequence on")
    @APIResponse(responseCode = "200", description = "Up to `limit` entries; `Link: rel=\"next\"` for the following",
            content = @Content(schema = @Schema(implementation = LogEntries.class)))
    @APIResponse(responseCode = "400", description = "Invalid from or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response entries(@Parameter(description = "The first sequence (1 is the first entry)") @QueryParam("from") @DefaultValue("1") @Min(1) long from,
                            @Parameter(description = "How many, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_ENTRIES) int limit,
                            @Context UriInfo uri, @Context Request request) {
        LogEntries entries = log.entries(from, limit);
        return http.json(request, uri, entries, "from", entries.next());
    }

    @GET
    @Path("heads")
    @Operation(operationId = "listSignedHeads", summary = "Signed heads, newest first")
    @APIResponse(responseCode = "200", description = "Up to `limit` signed heads",
            content = @Content(schema = @Schema(implementation = SignedHeads.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response heads(@Parameter(description = "How many, 1 to 1000") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_ENTRIES) int limit,
                          @Context Request request) {
        return http.json(request, new SignedHeads(signer.heads(Long.MAX_VALUE, limit, true).stream()
                .map(SignedHeadView::of).toList()));
    }

    @GET
    @Path("heads/latest")
    @Operation(operationId = "getLatestSignedHead", summary = "The latest signed head")
    @APIResponse(responseCode = "200", description = "The head", content = @Content(schema = @Schema(implementation = SignedHeadView.class)))
    @APIResponse(responseCode = "404", description = "Nothing signed yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response latest(@Context Request request) {
        return http.json(request, SignedHeadView.of(signer.latest()
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", "No head has been signed yet"))));
    }

    @GET
    @Path("public-keys")
    @Operation(operationId = "listLogPublicKeys", summary = "The Ed25519 public keys that sign (and signed) the heads; keyId = hex SHA-256 of the DER")
    @APIResponse(responseCode = "200", description = "The keys", content = @Content(schema = @Schema(implementation = PublicKeys.class)))
    public Response publicKeys(@Context Request request) {
        return http.json(request, log.publicKeys(signer.key().keyId()));
    }

    @GET
    @Path("consistency")
    @Operation(operationId = "getLogConsistencyProof", summary = "A consistency proof between two heads of the log (sequence 0 is the empty log)")
    @APIResponse(responseCode = "200", description = "The proof", content = @Content(schema = @Schema(implementation = ConsistencyProof.class)))
    @APIResponse(responseCode = "400", description = "from after to, to beyond the head, or too far apart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response consistency(@Parameter(description = "The earlier head's sequence", required = true) @QueryParam("from") @Min(0) Long from,
                                @Parameter(description = "The later head's sequence", required = true) @QueryParam("to") @Min(0) Long to,
                                @Context Request request) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("The query parameters from and to are required");
        }
        long head = log.head();
        if (from > to || to > head) {
            throw ProblemException.badRequest("Need 0 <= from <= to <= " + head + " (the head)");
        }
        if (to - from > MAX_PROOF) {
            throw ProblemException.badRequest("At most " + MAX_PROOF + " entries apart; ask in steps");
        }
        return http.json(request, log.proof(from, to));
    }
}
