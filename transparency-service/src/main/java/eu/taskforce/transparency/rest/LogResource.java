package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.log.Canonical;
import eu.taskforce.transparency.log.HeadSigner.SignedHead;
import eu.taskforce.transparency.log.HeadSigner;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
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
import java.util.Base64;
import java.util.List;

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

    private final EntityManager em;
    private final HeadSigner signer;
    private final PublicHttp http;

    public LogResource(EntityManager em, HeadSigner signer, PublicHttp http) {
        this.em = em;
        this.signer = signer;
        this.http = http;
    }

    @Schema(name = "LogEntry", description = "An entry with its hashes")
    public record LogEntryView(long sequence,
                               @Schema(description = "The entry: {corrects, data, eventId, sequence, subject, time, topic, type}, "
                                       + "served in its RFC 8785 canonical form", implementation = Object.class)
                               @JsonRawValue String entry,
                               @Schema(description = "SHA-256 of the entry's canonical JSON (UTF-8), hex") String leafHash,
                               @Schema(description = "SHA-256(previous hash || leafHash) over the raw 32-byte values, hex; "
                                       + "the previous hash of entry 1 is 32 zero bytes") String hash) {
    }

    @Schema(name = "LogEntries")
    public record LogEntries(List<LogEntryView> entries, @Schema(description = "The sequence to ask next; absent at the head") Long next,
                             long headSequence) {
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, canonical, leaf_hash, hash from log_entry where sequence >= :from
                        order by sequence limit :limit""")
                .setParameter("from", from).setParameter("limit", limit).getResultList();
        long head = head();
        List<LogEntryView> entries = rows.stream().map(r -> new LogEntryView(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3])).toList();
        Long next = entries.isEmpty() || entries.get(entries.size() - 1).sequence() >= head ? null
                : entries.get(entries.size() - 1).sequence() + 1;
        Response response = http.json(request, new LogEntries(entries, next, head));
        if (next != null && response.getStatus() == 200) {
            return Response.fromResponse(response).links(Link.fromUri(uri.getRequestUriBuilder()
                    .replaceQueryParam("from", next).build()).rel("next").build()).build();
        }
        return response;
    }

    @Schema(name = "SignedHead", description = "A head of the log signed with Ed25519")
    public record SignedHeadView(long sequence, String hash, String keyId, OffsetDateTime signedAt,
                                 @Schema(description = "The RFC 8785 JSON {hash, keyId, sequence, signedAt} that was signed")
                                 String statement,
                                 @Schema(description = "Ed25519 signature of the statement's UTF-8 bytes, base64") String signature) {
        static SignedHeadView of(SignedHead head) {
            return new SignedHeadView(head.sequence(), head.hash(), head.keyId(), head.signedAt(), head.statement(),
                    head.signature());
        }
    }

    @Schema(name = "SignedHeads")
    public record SignedHeads(List<SignedHeadView> heads) {
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

    @Schema(name = "PublicKey", description = "An Ed25519 key that signs heads")
    public record PublicKeyView(String keyId, String algorithm,
                                @Schema(description = "X.509 SubjectPublicKeyInfo (DER), base64") String publicKey,
                                @Schema(description = "The same as PEM") String pem, boolean current) {
    }

    @Schema(name = "PublicKeys")
    public record PublicKeys(List<PublicKeyView> keys) {
    }

    @GET
    @Path("public-keys")
    @Operation(operationId = "listLogPublicKeys", summary = "The Ed25519 public keys that sign (and signed) the heads; keyId = hex SHA-256 of the DER")
    @APIResponse(responseCode = "200", description = "The keys", content = @Content(schema = @Schema(implementation = PublicKeys.class)))
    public Response publicKeys(@Context Request request) {
        String current = signer.key().keyId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select key_id, public_key from signing_key order by created_at, key_id")
                .getResultList();
        return http.json(request, new PublicKeys(rows.stream().map(r -> new PublicKeyView((String) r[0], "Ed25519",
                Base64.getEncoder().encodeToString((byte[]) r[1]), HeadSigner.pem("PUBLIC KEY", (byte[]) r[1]),
                current.equals(r[0]))).toList()));
    }

    @Schema(name = "ConsistencyProof", description = "What takes the chain from one head to a later one: the leaf hashes "
            + "of the entries after `from` up to `to`. Starting from fromHash, hash = SHA-256(hash || leaf) for each "
            + "leaf in order must give toHash.")
    public record ConsistencyProof(long fromSequence, String fromHash, long toSequence, String toHash,
                                   List<String> leafHashes) {
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
        long head = head();
        if (from > to || to > head) {
            throw ProblemException.badRequest("Need 0 <= from <= to <= " + head + " (the head)");
        }
        if (to - from > MAX_PROOF) {
            throw ProblemException.badRequest("At most " + MAX_PROOF + " entries apart; ask in steps");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, leaf_hash, hash from log_entry where sequence between :from and :to order by sequence""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        String fromHash = from == 0 ? eu.taskforce.transparency.log.Canonical.GENESIS : (String) rows.get(0)[2];
        List<String> leaves = rows.stream().filter(r -> ((Number) r[0]).longValue() > from).map(r -> (String) r[1]).toList();
        String toHash = to == 0 ? fromHash : (String) rows.get(rows.size() - 1)[2];
        return http.json(request, new ConsistencyProof(from, fromHash, to, toHash, leaves));
    }

    private long head() {
        return ((Number) em.createNativeQuery("select coalesce(max(sequence), 0) from log_entry").getSingleResult())
                .longValue();
    }
}
