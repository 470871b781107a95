package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.reference.CodeOfPractice;
import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.query.GuidanceLists;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.ReadModel;
import eu.taskforce.transparency.query.RegisterDtos.CodeReferenceOverview;
import eu.taskforce.transparency.query.RegisterDtos.Evidence;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocument;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocumentDetails;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceVersion;
import eu.taskforce.transparency.query.RegisterDtos.InputWindow;
import eu.taskforce.transparency.query.RegisterDtos.PublicFeedback;
import eu.taskforce.transparency.query.RegisterDtos.Section;
import eu.taskforce.transparency.query.RegisterDtos.SectionCount;
import eu.taskforce.transparency.query.RegisterDtos.VersionOverview;
import eu.taskforce.transparency.query.RegisterLists.Filtered;
import eu.taskforce.transparency.query.RegisterLists;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static eu.taskforce.transparency.rest.ParticipantResource.CURSOR;
import static eu.taskforce.transparency.rest.ParticipantResource.LIMIT;
import static eu.taskforce.transparency.rest.ParticipantResource.UPDATED_SINCE;

/**
 * The register of guidance input: documents with their versions and sections, input windows, counts per section and
 * per disposition, public feedback with its disposition once published, public evidence, each linkable to the Code's
 * commitments and measures. Confidential feedback exists here only as counts.
 */
@Path("/api/v1/public/guidance")
@Tag(name = "Guidance input register", description = "Taskforce input on the AI Office's guidance. Public, no token needed.")
@PermitAll
public class GuidanceRegisterResource {

    static final String CODE_REFERENCE = "A commitment (SAFETY_AND_SECURITY-3, which includes its measures) or a measure "
            + "(SAFETY_AND_SECURITY-3.2) of the Code";
    /** How many documents and how many submissions the overview of a Code reference shows. */
    static final int LINKED = 200;

    private final ReadModel readModel;
    private final PublicHttp http;

    public GuidanceRegisterResource(ReadModel readModel, PublicHttp http) {
        this.readModel = readModel;
        this.http = http;
    }

    // --- documents ---------------------------------------------------------------------------------------------------

    @Schema(name = "GuidanceDocumentPage")
    public record DocumentPage(List<GuidanceDocument> items, String nextCursor) {
    }

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
        return http.page(request, uri, documents(codeReference), list);
    }

    @GET
    @Path("documents.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicGuidanceDocumentsCsv", summary = "Guidance documents, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response documentsCsv(@Parameter(description = CODE_REFERENCE) @QueryParam("codeReference") String codeReference,
                                 @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                 @Context Request request) {
        return http.csv(request, uri, documents(codeReference), updatedSince, "guidance-documents.csv");
    }

    private static Filtered<GuidanceDocument> documents(String codeReference) {
        return new Filtered<>(GuidanceLists.DOCUMENTS).when(codeReference(codeReference), "codeReference",
                GuidanceLists.references("d.code_references"));
    }

    @GET
    @Path("documents/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicGuidanceDocument", summary = "One guidance document with its versions (sections by key and title) and its input windows")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = GuidanceDocumentDetails.class)))
    @APIResponse(responseCode = "404", description = "No such document in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response document(@PathParam("id") UUID id, @Context Request request) {
        List<GuidanceDocument> found = readModel.query("select " + GuidanceLists.DOCUMENT_COLUMNS
                + " from guidance_document d where d.generation = :g and d.id = :id and d.title is not null",
                Params.of().put("id", id), GuidanceLists::document);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Guidance document", id);
        }
        GuidanceDocument d = found.get(0);
        List<GuidanceVersion> versions = readModel.query("""
                        select v.id, v.number, v.change_note, v.sections, v.published_at from guidance_version v
                        where v.generation = :g and v.document_id = :id order by v.number""", Params.of().put("id", id),
                row -> new GuidanceVersion(RegisterLists.uuid(row, "id"), row.getInt("number"),
                        row.getString("change_note"), sections(row.getString("sections")),
                        RegisterLists.time(row, "published_at")));
        List<InputWindow> windows = readModel.query("select " + GuidanceLists.WINDOW_COLUMNS + " from input_window w "
                + "where w.generation = :g and w.document_id = :id and w.status is not null order by w.opens_at, w.id",
                Params.of().put("id", id), GuidanceLists::window);
        return http.json(request, new GuidanceDocumentDetails(d.id(), d.title(), d.kind(), d.aiActArticles(),
                d.codeReferences(), d.publicConsultation(), d.publishedAt(), versions, windows));
    }

    // --- windows -----------------------------------------------------------------------------------------------------

    @Schema(name = "InputWindowPage")
    public record WindowPage(List<InputWindow> items, String nextCursor) {
    }

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
        return http.page(request, uri, windows(documentId, versionId), list);
    }

    @GET
    @Path("windows.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicInputWindowsCsv", summary = "Taskforce input windows, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response windowsCsv(@QueryParam("documentId") UUID documentId, @QueryParam("versionId") UUID versionId,
                               @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                               @Context Request request) {
        Filtered<InputWindow> windows = windows(documentId, versionId);
        return http.csv(request, uri, windows.export(), windows.params(), updatedSince, PublicHttp.minute(),
                "input-windows.csv");
    }

    private static Filtered<InputWindow> windows(UUID documentId, UUID versionId) {
        return new Filtered<>(GuidanceLists.WINDOWS).when(documentId, "documentId", "w.document_id = :documentId")
                .when(versionId, "versionId", "w.version_id = :versionId");
    }

    // --- overview of a version ---------------------------------------------------------------------------------------

    private record WindowCounts(InputWindow window, String confidentialDispositions) {
    }

    /** A window's confidential items per disposition, as dispositions-published counted them. */
    record DispositionCount(String disposition, int count) {
    }

    private record Item(String sectionKey, String sectionTitle, String disposition, boolean published) {
    }

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
        Params version = Params.of().put("id", id);
        List<Object[]> versions = readModel.query("""
                        select v.document_id, d.title, v.number, v.sections from guidance_version v
                        left join guidance_document d on d.generation = v.generation and d.id = v.document_id
                        where v.generation = :g and v.id = :id""", version,
                row -> new Object[]{RegisterLists.uuid(row, "document_id"), row.getString("title"), row.getInt("number"),
                        sections(row.getString("sections"))});
        List<WindowCounts> windows = readModel.query("select " + GuidanceLists.WINDOW_COLUMNS
                + ", w.confidential_dispositions from input_window w where w.generation = :g and w.version_id = :id "
                + "order by w.opens_at, w.id", version,
                row -> new WindowCounts(GuidanceLists.window(row), row.getString("confidential_dispositions")));
        if (versions.isEmpty() && windows.isEmpty()) {
            throw ProblemException.notFound("Guidance version", id);
        }
        List<Item> items = readModel.query("""
                        select f.section_key, f.section_title, f.disposition, f.published from feedback f
                        join input_window w on w.generation = f.generation and w.id = f.window_id
                        where f.generation = :g and w.version_id = :id""", version,
                row -> new Item(row.getString("section_key"), row.getString("section_title"),
                        row.getString("disposition"), row.getBoolean("published")));

        boolean anyPublished = windows.stream().anyMatch(w -> w.window().dispositionsPublishedAt() != null);
        Map<String, Integer> confidential = anyPublished ? dispositions() : null;
        for (WindowCounts w : windows) {
            List<DispositionCount> counts = RegisterLists.json(w.confidentialDispositions(),
                    new TypeReference<List<DispositionCount>>() { });
            if (counts != null) {
                counts.forEach(c -> confidential.merge(c.disposition(), c.count(), Integer::sum));
            }
        }
        Map<String, Integer> all = anyPublished ? new LinkedHashMap<>(confidential) : null;
        items.stream().filter(Item::published).forEach(i -> all.merge(i.disposition(), 1, Integer::sum));

        // the version's sections in order; a section known only from feedback (its version not seen yet) after them
        @SuppressWarnings("unchecked")
        List<Section> sections = new ArrayList<>(versions.isEmpty() ? List.of() : (List<Section>) versions.get(0)[3]);
        items.stream().filter(i -> i.sectionKey() != null
                        && sections.stream().noneMatch(s -> s.key().equals(i.sectionKey())))
                .map(i -> new Section(i.sectionKey(), 0, i.sectionTitle())).distinct().forEach(sections::add);
        List<SectionCount> perSection = sections.stream().map(s -> {
            List<Item> on = items.stream().filter(i -> s.key().equals(i.sectionKey())).toList();
            Map<String, Integer> by = anyPublished ? dispositions() : null;
            on.stream().filter(Item::published).forEach(i -> by.merge(i.disposition(), 1, Integer::sum));
            return new SectionCount(s.key(), s.position(), s.title(), on.size(), by);
        }).toList();

        int publicItems = windows.stream().mapToInt(w -> w.window().publicItems()).sum();
        int confidentialItems = windows.stream().mapToInt(w -> w.window().confidentialItems()).sum();
        InputWindow first = windows.isEmpty() ? null : windows.get(0).window();
        return http.json(request, new VersionOverview(
                versions.isEmpty() ? first.documentId() : (UUID) versions.get(0)[0],
                !versions.isEmpty() && versions.get(0)[1] != null ? (String) versions.get(0)[1]
                        : first == null ? null : first.documentTitle(),
                id, versions.isEmpty() ? first.versionNumber() : (Integer) versions.get(0)[2],
                windows.stream().map(w -> w.window().id()).toList(),
                !windows.isEmpty() && windows.stream().allMatch(w -> w.window().dispositionsPublishedAt() != null),
                publicItems + confidentialItems, publicItems, confidentialItems, perSection,
                (int) items.stream().filter(i -> i.sectionKey() == null).count(), all, confidential));
    }

    /** Every disposition, zero included, in the contract's order. */
    private static Map<String, Integer> dispositions() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Disposition d : Disposition.values()) {
            counts.put(d.name(), 0);
        }
        return counts;
    }

    private static List<Section> sections(String json) {
        return Objects.requireNonNullElse(RegisterLists.json(json, new TypeReference<List<Section>>() { }), List.of());
    }

    // --- feedback ----------------------------------------------------------------------------------------------------

    @Schema(name = "PublicFeedbackPage")
    public record FeedbackPage(List<PublicFeedback> items, String nextCursor) {
    }

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
        return http.page(request, uri, feedback(documentId, versionId, sectionKey, codeReference), list);
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
        return http.csv(request, uri, feedback(documentId, versionId, sectionKey, codeReference), updatedSince,
                "guidance-feedback.csv");
    }

    private static Filtered<PublicFeedback> feedback(UUID documentId, UUID versionId, String sectionKey,
                                                     String codeReference) {
        return new Filtered<>(GuidanceLists.FEEDBACK).when(documentId, "documentId", "w.document_id = :documentId")
                .when(versionId, "versionId", "w.version_id = :versionId")
                .when(sectionKey, "sectionKey", "f.section_key = :sectionKey")
                .when(codeReference(codeReference), "codeReference", GuidanceLists.FEEDBACK_REFERENCES);
    }

    // --- evidence ----------------------------------------------------------------------------------------------------

    @Schema(name = "PublicEvidencePage")
    public record EvidencePage(List<Evidence> items, String nextCursor) {
    }

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
        return http.page(request, uri, evidence(codeReference), list);
    }

    @GET
    @Path("evidence.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicEvidenceCsv", summary = "Public evidence submissions, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response evidenceCsv(@QueryParam("codeReference") String codeReference,
                                @QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                @Context Request request) {
        return http.csv(request, uri, evidence(codeReference), updatedSince, "guidance-evidence.csv");
    }

    private static Filtered<Evidence> evidence(String codeReference) {
        return new Filtered<>(GuidanceLists.EVIDENCE).when(codeReference(codeReference), "codeReference",
                GuidanceLists.references("e.code_references"));
    }

    // --- Code references ---------------------------------------------------------------------------------------------

    @GET
    @Path("references/{reference}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicReferenceOverview", summary = "The guidance documents and public evidence linked to a commitment (and its measures) or a measure",
            description = "At most 200 of each, oldest first; the filtered lists (codeReference) give them all.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(schema = @Schema(implementation = CodeReferenceOverview.class)))
    @APIResponse(responseCode = "404", description = "Not a commitment or measure of the Code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reference(@Parameter(description = CODE_REFERENCE) @PathParam("reference") String reference,
                              @Context Request request) {
        CodeOfPractice code = CodeOfPractice.current();
        String title = code.commitment(reference).map(CodeOfPractice.Commitment::title)
                .or(() -> code.measure(reference).map(CodeOfPractice.Measure::title))
                .orElseThrow(() -> ProblemException.notFound("Code reference", reference));
        Filtered<GuidanceDocument> documents = documents(reference);
        Filtered<Evidence> evidence = evidence(reference);
        return http.json(request, new CodeReferenceOverview(reference, title,
                first(readModel.page(documents.export().query(), documents.params(), null, null, LINKED)),
                first(readModel.page(evidence.export().query(), evidence.params(), null, null, LINKED))));
    }

    private static <T> List<T> first(List<ReadModel.Row<T>> rows) {
        return rows.stream().limit(LINKED).map(ReadModel.Row::item).toList();
    }

    /** A Code reference given as a filter: null when absent, a 400 when the Code has no such commitment or measure. */
    private static String codeReference(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CodeOfPractice.current().isKnownReference(value.strip())) {
            throw ProblemException.badRequest("The query parameter codeReference must name a commitment or measure "
                    + "of the Code, such as SAFETY_AND_SECURITY-3 or SAFETY_AND_SECURITY-3.2");
        }
        return value.strip();
    }
}
