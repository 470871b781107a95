package eu.taskforce.transparency.rest;

import eu.taskforce.contracts.reference.CodeOfPractice;
import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.platform.diff.VersionDiff;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.query.GuidanceLists;
import eu.taskforce.transparency.query.GuidanceQueries;
import eu.taskforce.transparency.query.Pages.DocumentPage;
import eu.taskforce.transparency.query.Pages.EvidencePage;
import eu.taskforce.transparency.query.Pages.FeedbackPage;
import eu.taskforce.transparency.query.Pages.WindowPage;
import eu.taskforce.transparency.query.RegisterDtos;
import eu.taskforce.transparency.query.RegisterDtos.CodeReferenceOverview;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocumentDetails;
import eu.taskforce.transparency.query.RegisterDtos.VersionOverview;
import eu.taskforce.transparency.query.VersionOverviews;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The register of guidance input: documents with their versions and sections, input windows, counts per section and
 * per disposition, public feedback with its disposition once published, public evidence, each linkable to the Code's
 * commitments and measures. Confidential feedback exists here only as counts.
 */
@Path("/api/v1/public/guidance")
@Tag(name = "Guidance input register", description = "Taskforce input on the AI Office's guidance. Public, no token needed. "
        + RegisterDtos.WITHOUT_PREJUDICE)
@PermitAll
public class GuidanceRegisterResource {

    static final String CODE_REFERENCE = "A commitment (SAFETY_AND_SECURITY-3, which includes its measures) or a measure "
            + "(SAFETY_AND_SECURITY-3.2) of the Code";
    private final GuidanceQueries guidance;
    private final VersionOverviews overviews;
    private final PublicHttp http;

    public GuidanceRegisterResource(GuidanceQueries guidance, VersionOverviews overviews, PublicHttp http) {
        this.guidance = guidance;
        this.overviews = overviews;
        this.http = http;
    }

    // --- documents ---------------------------------------------------------------------------------------------------

    @GET
    @Path("documents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicGuidanceDocuments", summary = "Guidance documents published to the Taskforce, in the order published")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = DocumentPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor, time or Code reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response documents(@Parameter(description = CODE_REFERENCE) @QueryParam("codeReference") String codeReference,
                              @Valid @BeanParam PublicListParameters list,
                              @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, GuidanceLists.documents(codeReference(codeReference)), list);
    }

    @GET
    @Path("documents.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicGuidanceDocumentsCsv", summary = "Guidance documents, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response documentsCsv(@Parameter(description = CODE_REFERENCE) @QueryParam("codeReference") String codeReference,
                                 @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                 @Context Request request) {
        return http.csv(request, uri, GuidanceLists.documents(codeReference(codeReference)), updatedSince);
    }

    @GET
    @Path("documents/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicGuidanceDocument", summary = "One guidance document with its versions (sections by key and title) and its input windows")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = GuidanceDocumentDetails.class)))
    @APIResponse(responseCode = "404", description = "No such document in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response document(@PathParam("id") UUID id, @Context Request request) {
        return http.json(request, guidance.document(id)
                .orElseThrow(() -> ProblemException.notFound("Guidance document", id)));
    }

    @GET
    @Path("documents/{id}/versions/{number}/diff")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "comparePublicGuidanceVersions", summary = "A published version compared with an earlier one, section by section",
            description = "Published versions only (the register holds no drafts), compared as guidance-service"
                    + " compares them, in the same JSON. " + VersionDiff.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(schema = @Schema(implementation = VersionDiff.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "from missing or not a version number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such published version (either) in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A version was published without its text reaching the register"
            + " (before events carried it, or more than 512 KiB of text)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response diff(@PathParam("id") UUID id, @PathParam("number") @Min(1) int number,
                         @Parameter(description = "The number of the version to compare with", required = true)
                         @QueryParam("from") @NotNull @Min(1) Integer from,
                         @Context Request request) {
        return http.json(request, guidance.compare(id, number, from));
    }

    // --- windows -----------------------------------------------------------------------------------------------------

    @GET
    @Path("windows")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicInputWindows", summary = "Taskforce input windows, in the order they opened, with their counts of public and confidential items")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = WindowPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor, id or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response windows(@Parameter(description = "Only the windows on this document") @QueryParam("documentId") UUID documentId,
                            @Parameter(description = "Only the windows on this version") @QueryParam("versionId") UUID versionId,
                            @Valid @BeanParam PublicListParameters list,
                            @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, GuidanceLists.windows(documentId, versionId), list);
    }

    @GET
    @Path("windows.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicInputWindowsCsv", summary = "Taskforce input windows, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response windowsCsv(@QueryParam("documentId") UUID documentId, @QueryParam("versionId") UUID versionId,
                               @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                               @Context Request request) {
        // a window's status changes with the clock: the minute is part of the export's ETag
        return http.csv(request, uri, GuidanceLists.windows(documentId, versionId), updatedSince, PublicHttp.minute());
    }

    // --- overview of a version ---------------------------------------------------------------------------------------

    @GET
    @Path("versions/{id}/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicVersionOverview", summary = "Feedback on a version: items per section, and per disposition once the dispositions are published",
            description = "Public items are counted per section; confidential items only in total and, once published, "
                    + "per disposition.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(schema = @Schema(implementation = VersionOverview.class)))
    @APIResponse(responseCode = "404", description = "No such version in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response overview(@PathParam("id") UUID id, @Context Request request) {
        return http.json(request, overviews.overview(id)
                .orElseThrow(() -> ProblemException.notFound("Guidance version", id)));
    }

    // --- feedback ----------------------------------------------------------------------------------------------------

    @GET
    @Path("feedback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicFeedback", summary = "Public feedback items with the AI Office's disposition and response, once published",
            description = "Confidential items are never listed (see the counts of the version's overview); an anonymous "
                    + "item names no organisation.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = FeedbackPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor, id, time or Code reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feedback(@Parameter(description = "Only on this document") @QueryParam("documentId") UUID documentId,
                             @Parameter(description = "Only on this version") @QueryParam("versionId") UUID versionId,
                             @Parameter(description = "Only on the section of this key") @QueryParam("sectionKey") String sectionKey,
                             @Parameter(description = "Only on documents linked to it: " + CODE_REFERENCE)
                             @QueryParam("codeReference") String codeReference,
                             @Valid @BeanParam PublicListParameters list,
                             @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri,
                GuidanceLists.feedback(documentId, versionId, sectionKey, codeReference(codeReference)), list);
    }

    @GET
    @Path("feedback.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicFeedbackCsv", summary = "Public feedback with dispositions, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response feedbackCsv(@QueryParam("documentId") UUID documentId, @QueryParam("versionId") UUID versionId,
                                @QueryParam("sectionKey") String sectionKey,
                                @QueryParam("codeReference") String codeReference,
                                @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                @Context Request request) {
        return http.csv(request, uri,
                GuidanceLists.feedback(documentId, versionId, sectionKey, codeReference(codeReference)), updatedSince);
    }

    // --- evidence ----------------------------------------------------------------------------------------------------

    @GET
    @Path("evidence")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicEvidence", summary = "Public evidence and research submissions, in the order submitted")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = EvidencePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor, time or Code reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response evidence(@Parameter(description = CODE_REFERENCE) @QueryParam("codeReference") String codeReference,
                             @Valid @BeanParam PublicListParameters list,
                             @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, GuidanceLists.evidence(codeReference(codeReference)), list);
    }

    @GET
    @Path("evidence.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicEvidenceCsv", summary = "Public evidence submissions, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response evidenceCsv(@QueryParam("codeReference") String codeReference,
                                @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                @Context Request request) {
        return http.csv(request, uri, GuidanceLists.evidence(codeReference(codeReference)), updatedSince);
    }

    // --- Code references ---------------------------------------------------------------------------------------------

    @GET
    @Path("references/{reference}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicReferenceOverview", summary = "The guidance documents and public evidence linked to a commitment (and its measures) or a measure",
            description = "At most 200 of each, oldest first; the filtered lists (codeReference) give them all. Of one"
                    + " edition of the Code: the current one unless `edition` names another.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(schema = @Schema(implementation = CodeReferenceOverview.class)))
    @APIResponse(responseCode = "400", description = "An edition that is not a date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not an edition of the Code, or not a commitment or measure of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reference(@Parameter(description = CODE_REFERENCE) @PathParam("reference") @Size(max = 40) String reference,
                              @Parameter(description = "The edition of the Code, by its date; default the current one",
                                      example = "2025-07-10")
                              @QueryParam("edition") @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                      message = "must be an edition's date such as 2025-07-10") String edition,
                              @Context Request request) {
        CodeOfPractice code = edition == null ? CodeOfPractice.current() : CodeOfPractice.edition(edition)
                .orElseThrow(() -> ProblemException.notFound("Edition of the Code", edition));
        String title = code.titleOf(reference).orElseThrow(() -> ProblemException.notFound(
                "Commitment or measure of the Code of " + code.version(), reference));
        return http.json(request, guidance.reference(reference, code.version(), title));
    }

    /**
     * A Code reference given as a filter: null when absent, a 400 when no edition of the Code has such a commitment or
     * measure (a list filtered so holds what references it in any edition).
     */
    private static String codeReference(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (CodeOfPractice.editions().stream().noneMatch(code -> code.isKnownReference(value.strip()))) {
            throw ProblemException.badRequest("The query parameter codeReference must name a commitment or measure "
                    + "of the Code, such as SAFETY_AND_SECURITY-3 or SAFETY_AND_SECURITY-3.2");
        }
        return value.strip();
    }
}
