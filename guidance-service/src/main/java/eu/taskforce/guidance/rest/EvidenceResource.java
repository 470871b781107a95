package eu.taskforce.guidance.rest;

import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.guidance.domain.Evidence;
import eu.taskforce.guidance.rest.GuidanceDtos.EvidenceInput;
import eu.taskforce.guidance.rest.GuidanceDtos.EvidenceView;
import eu.taskforce.guidance.service.EvidenceService;
import eu.taskforce.platform.api.Idempotency;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/guidance/evidence")
@Tag(name = "Evidence", description = "Research, expert input, technological developments and implementation experience"
        + " submitted to the Taskforce, linked to the Code's commitments and measures, with an optional attached document")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The caller's role does not allow this, or the submission is another's")
public class EvidenceResource {

    private final EvidenceService evidence;
    private final Idempotency idempotency;
    private final GuidanceViews views;

    public EvidenceResource(EvidenceService evidence, Idempotency idempotency, GuidanceViews views) {
        this.evidence = evidence;
        this.idempotency = idempotency;
        this.views = views;
    }

    @GET
    @Operation(operationId = "listEvidence", summary = "List evidence", description = "PUBLIC submissions and the caller's own (a member: its"
            + " organisation's); the AI Office sees all. Newest first; or, with updatedSince, by time of last change.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<EvidenceView>> list(@Parameter(description = "Only of this type") @QueryParam("type") EvidenceType type,
                         @Parameter(description = "Only those linked to this commitment or measure")
                         @QueryParam("codeReference") String codeReference,
                         @Valid @BeanParam SyncListParameters list,
                         UriInfo uri) {
        Page<Evidence> page = evidence.search(new EvidenceService.Filter(type, codeReference, list.updatedSince()),
                list.cursor(), list.limit());
        return new Page<>(views.evidence(page.items()), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AI_OFFICE, Roles.MEMBER, Roles.STAKEHOLDER})
    @Operation(operationId = "submitEvidence", summary = "Submit evidence", description = "The AI Office, members (for their organisation) and"
            + " stakeholders. A PUBLIC submission is announced on taskforce.guidance.v1. Attach a document afterwards"
            + " with PUT .../attachment.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (names an unknown commitment or measure, or a"
            + " non-http address)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response submit(@Valid @NotNull EvidenceInput body,
                           @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            Evidence item = evidence.submit(body.submission());
            return Response.created(uri.getAbsolutePathBuilder().path(item.id.toString()).build())
                    .tag(Versions.etag(item.version)).entity(views.evidence(item)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getEvidence", summary = "One evidence submission", description = "A CONFIDENTIAL one for the AI Office and its"
            + " submitter only (404 for others).")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "404", description = "No such submission, or one the caller may not read")
    public Response get(@PathParam("id") UUID id) {
        Evidence item = evidence.get(id);
        return Response.ok(views.evidence(item)).tag(Versions.etag(item.version)).build();
    }

    @PUT
    @Path("{id}/attachment")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "attachEvidenceDocument", summary = "Attach a document (its raw bytes)",
            description = "The submitter only; replaces an earlier one. The body is the file itself (not multipart):"
                    + " a PDF, plain UTF-8 text, an OpenDocument or an Office Open XML file, told from its bytes (a"
                    + " Content-Type other than application/octet-stream must agree with them). At most"
                    + " taskforce.guidance.attachment-max-bytes (10 MiB by default): a larger Content-Length is refused"
                    + " before the body is read, a longer body as soon as the limit is passed. Streamed to storage"
                    + " with its SHA-256; a body sent without Content-Length (chunked) is accepted.")
    @RequestBody(description = "The document's bytes", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "400", description = "An empty body, or one that ended before its Content-Length")
    @APIResponse(responseCode = "404", description = "No such submission, or one the caller may not read")
    @APIResponse(responseCode = "408", description = "The document was not sent within"
            + " taskforce.guidance.attachment-upload-timeout (60 s by default)")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "413", description = "The document is too large")
    @APIResponse(responseCode = "415", description = "Not an accepted format, or not what the Content-Type says")
    public Response attach(@PathParam("id") UUID id,
                           @Parameter(description = "The file name to offer on download (letters, digits, . _ - kept)")
                           @QueryParam("filename") String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           InputStream body) {
        Evidence item = evidence.attach(id, ifMatch, fileName, contentType, contentLength, body);
        return Response.ok(views.evidence(item)).type(MediaType.APPLICATION_JSON_TYPE)
                .tag(Versions.etag(item.version)).build();
    }

    @GET
    @Path("{id}/attachment")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadEvidenceAttachment", summary = "Download the attached document",
            description = "Whoever may read the submission. Served as an attachment with the type read from its bytes"
                    + " when it was stored (never one a client chose), nosniff and a sandboxing CSP, its length and its"
                    + " SHA-256 (Repr-Digest). Streamed from storage: should the document be replaced while it is sent,"
                    + " the connection breaks before Content-Length bytes arrived.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            headers = {
                    @Header(name = "Content-Disposition", description = "attachment, with the stored file name",
                            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
                    @Header(name = "Repr-Digest", description = "The SHA-256 of the document (RFC 9530)",
                            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such submission or document, or one the caller may not read")
    public Response download(@PathParam("id") UUID id) {
        return evidence.attachment(id).toResponse();
    }
}
