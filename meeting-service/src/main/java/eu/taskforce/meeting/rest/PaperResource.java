package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingPaper;
import eu.taskforce.meeting.rest.PaperDtos.NewPaper;
import eu.taskforce.meeting.rest.PaperDtos.PaperView;
import eu.taskforce.meeting.service.MeetingService;
import eu.taskforce.meeting.service.PaperService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.InputStream;
import java.util.UUID;

@Path("/api/v1/meetings/{meetingId}/papers")
@Tag(name = "Papers", description = "Documents of a meeting or of its agenda items, circulated to members, to attendees"
        + " only, or to everyone once the meeting is held; late when circulated after the notice period")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Only the AI Office may do this")
public class PaperResource {

    private final PaperService papers;
    private final MeetingService meetings;
    private final Idempotency idempotency;

    public PaperResource(PaperService papers, MeetingService meetings, Idempotency idempotency) {
        this.papers = papers;
        this.meetings = meetings;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listPapers", summary = "A meeting's papers",
            description = "Those the caller may read, oldest first: the AI Office all (also those not circulated yet);"
                    + " once circulated, MEMBERS papers representatives of current member organisations, ATTENDEES"
                    + " papers the meeting's invitees, PUBLIC papers everyone once the meeting is held (before, as"
                    + " MEMBERS).")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public RestResponse<Page<PaperView>> list(@PathParam("meetingId") UUID meetingId,
                                              @Valid @BeanParam ListParameters list, UriInfo uri) {
        Meeting meeting = meetings.get(meetingId);
        Page<MeetingPaper> page = papers.list(meetingId, list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(p -> view(p, meeting)).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "addPaper", summary = "Add a paper to a meeting or one of its agenda items",
            description = "AI Office only, to a meeting not cancelled. Not circulated yet: store its document with PUT"
                    + " .../content, then circulate it.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = PaperView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: no such agenda item, or a withholding reason"
            + " missing (MEMBERS, ATTENDEES) or given (PUBLIC)")
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "The meeting was cancelled")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response add(@PathParam("meetingId") UUID meetingId, @Valid @NotNull NewPaper body,
                        @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                        @HeaderParam(Idempotency.HEADER) String idempotencyKey, UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            MeetingPaper paper = papers.add(meetingId, body.details());
            return Response.created(uri.getAbsolutePathBuilder().path(paper.id.toString()).build())
                    .tag(Versions.etag(paper.version)).entity(view(paper, meetings.get(meetingId))).build();
        });
    }

    @GET
    @Path("{paperId}")
    @Operation(operationId = "getPaper", summary = "One paper", description = "For those who may read it (see listPapers).")
    @APIResponse(responseCode = "200", description = "The paper", content = @Content(schema = @Schema(implementation = PaperView.class)))
    @APIResponse(responseCode = "404", description = "No such paper, or one the caller may not read")
    public Response get(@PathParam("meetingId") UUID meetingId, @PathParam("paperId") UUID paperId) {
        MeetingPaper paper = papers.get(meetingId, paperId);
        return Response.ok(view(paper, meetings.get(meetingId))).tag(Versions.etag(paper.version)).build();
    }

    @PUT
    @Path("{paperId}/content")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "storePaperDocument", summary = "Store a paper's document (its raw bytes)",
            description = "AI Office only, until the paper is circulated; replaces an earlier one. The body is the file"
                    + " itself (not multipart): a PDF, plain UTF-8 text, an OpenDocument or an Office Open XML file,"
                    + " told from its bytes (a Content-Type other than application/octet-stream must agree with them)."
                    + " At most taskforce.meetings.paper-max-bytes (5 MiB by default): a larger Content-Length is"
                    + " refused before the body is read, a longer body as soon as the limit is passed. Streamed to"
                    + " storage with its SHA-256; a body sent without Content-Length (chunked) is accepted.")
    @RequestBody(description = "The document's bytes", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = PaperView.class)))
    @APIResponse(responseCode = "400", description = "An empty body, or one that ended before its Content-Length")
    @APIResponse(responseCode = "404", description = "No such paper")
    @APIResponse(responseCode = "408", description = "The document was not sent within"
            + " taskforce.meetings.paper-upload-timeout (10 s by default)")
    @APIResponse(responseCode = "409", description = "The paper was circulated")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "413", description = "The document is too large")
    @APIResponse(responseCode = "415", description = "Not an accepted format, or not what the Content-Type says")
    public Response store(@PathParam("meetingId") UUID meetingId, @PathParam("paperId") UUID paperId,
                          @Parameter(description = "The file name to offer on download (letters, digits, . _ - kept;"
                                  + " at most 200 characters)") @QueryParam("filename") String fileName,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                          @Parameter(description = "The paper's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          InputStream body) {
        MeetingPaper paper = papers.storeDocument(meetingId, paperId, ifMatch, fileName, contentType, contentLength, body);
        return Response.ok(view(paper, meetings.get(meetingId))).type(MediaType.APPLICATION_JSON_TYPE)
                .tag(Versions.etag(paper.version)).build();
    }

    @POST
    @Path("{paperId}/circulation")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "circulatePaper", summary = "Circulate a paper to its readers, now",
            description = "AI Office only, once, with its document stored. Late when circulated after the meeting's start"
                    + " less taskforce.meetings.papers-due-days (5 by default). Announced on taskforce.meetings.v1"
                    + " (paper-circulated: metadata only).")
    @APIResponse(responseCode = "200", description = "Circulated", content = @Content(schema = @Schema(implementation = PaperView.class)))
    @APIResponse(responseCode = "404", description = "No such paper")
    @APIResponse(responseCode = "409", description = "Circulated already, no document yet, or the meeting was cancelled")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response circulate(@PathParam("meetingId") UUID meetingId, @PathParam("paperId") UUID paperId,
                              @Parameter(description = "The paper's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        MeetingPaper paper = papers.circulate(meetingId, paperId, ifMatch);
        return Response.ok(view(paper, meetings.get(meetingId))).tag(Versions.etag(paper.version)).build();
    }

    @GET
    @Path("{paperId}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadPaperDocument", summary = "Download a paper's document",
            description = "Whoever may read the paper. Served as an attachment with the type read from its bytes, nosniff"
                    + " and a sandboxing CSP, its length and its SHA-256 (Repr-Digest); streamed from storage.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = {
                    @Header(name = "Content-Disposition", description = "attachment, with the stored file name",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Repr-Digest", description = "The SHA-256 of the document (RFC 9530)",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such paper or document, or one the caller may not read")
    public Response download(@PathParam("meetingId") UUID meetingId, @PathParam("paperId") UUID paperId) {
        return papers.document(meetingId, paperId).toResponse();
    }

    private PaperView view(MeetingPaper paper, Meeting meeting) {
        PaperService.Lateness lateness = papers.lateness(paper, meeting);
        return PaperView.of(paper, lateness.dueOn(), lateness.late());
    }
}
