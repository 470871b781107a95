package eu.taskforce.guidance.rest;

import eu.taskforce.contracts.guidance.GuidanceKind;
import eu.taskforce.guidance.domain.GuidanceDocument;
import eu.taskforce.guidance.domain.GuidanceVersion;
import eu.taskforce.guidance.domain.InputWindow;
import eu.taskforce.guidance.rest.GuidanceDtos.DocumentInput;
import eu.taskforce.guidance.rest.GuidanceDtos.DocumentView;
import eu.taskforce.guidance.rest.GuidanceDtos.SectionHistoryView;
import eu.taskforce.guidance.rest.GuidanceDtos.SectionInVersion;
import eu.taskforce.guidance.rest.GuidanceDtos.VersionInput;
import eu.taskforce.guidance.rest.GuidanceDtos.VersionOverviewView;
import eu.taskforce.guidance.rest.GuidanceDtos.VersionView;
import eu.taskforce.guidance.rest.GuidanceDtos.WindowInput;
import eu.taskforce.guidance.rest.GuidanceDtos.WindowView;
import eu.taskforce.guidance.service.DocumentService;
import eu.taskforce.guidance.service.FeedbackService;
import eu.taskforce.platform.diff.VersionDiff;
import eu.taskforce.guidance.service.OverviewService;
import eu.taskforce.guidance.service.WindowService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.ListParameters;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.SyncListParameters;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.security.Roles;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
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

import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.UUID;

@Path("/api/v1/guidance/documents")
@Tag(name = "Guidance documents", description = "Documents drafted by the AI Office, their versions and sections (with"
        + " stable keys), the input windows opened on a version, and the feedback overview of a version")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The caller's role does not allow this")
public class DocumentResource {

    private final DocumentService documents;
    private final WindowService windows;
    private final OverviewService overviews;
    private final FeedbackService feedback;
    private final Idempotency idempotency;
    private final GuidanceViews views;

    public DocumentResource(DocumentService documents, WindowService windows, OverviewService overviews,
                            FeedbackService feedback, Idempotency idempotency, GuidanceViews views) {
        this.documents = documents;
        this.windows = windows;
        this.overviews = overviews;
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.views = views;
    }

    @GET
    @Operation(operationId = "listGuidanceDocuments", summary = "List guidance documents",
            description = "Everyone signed in; drafts for the AI Office only. Newest first; or, with updatedSince, by"
                    + " time of last change for incremental sync.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public RestResponse<Page<DocumentView>> list(@Parameter(description = "Only documents of this kind") @QueryParam("kind") GuidanceKind kind,
                         @Parameter(description = "Only documents linked to this commitment or measure")
                         @QueryParam("codeReference") String codeReference,
                         @Valid @BeanParam SyncListParameters list,
                         UriInfo uri) {
        Page<GuidanceDocument> page = documents.search(
                new DocumentService.Filter(kind, codeReference, list.updatedSince()), list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(views::document).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "createGuidanceDocument", summary = "Draft a guidance document", description = "AI Office only. A DRAFT until its first version is"
            + " published. Code references are checked against the Code of Practice.")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (names the unknown commitment or measure)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response create(@Valid @NotNull DocumentInput body,
                           @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            GuidanceDocument document = documents.create(body.details());
            return Response.created(uri.getAbsolutePathBuilder().path(document.id.toString()).build())
                    .tag(Versions.etag(document.version)).entity(views.document(document)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getGuidanceDocument", summary = "One guidance document", description = "A draft is the AI Office's only (404 for others).")
    @APIResponse(responseCode = "200", description = "The document; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such document")
    public Response get(@PathParam("id") UUID id) {
        GuidanceDocument document = documents.get(id);
        return Response.ok(views.document(document)).tag(Versions.etag(document.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "updateGuidanceDocument", summary = "Describe a guidance document again",
            description = "AI Office only: title, kind, articles, Code references and the public consultation (its"
                    + " dates and address), which is separate from Taskforce input.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such document")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull DocumentInput body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        GuidanceDocument document = documents.update(id, ifMatch, body.details());
        return Response.ok(views.document(document)).tag(Versions.etag(document.version)).build();
    }

    @GET
    @Path("{id}/versions")
    @Operation(operationId = "listGuidanceVersions", summary = "List the versions of a document", description = "Oldest first; drafts for the AI Office only.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    @APIResponse(responseCode = "404", description = "No such document")
    public RestResponse<Page<VersionView>> versions(@PathParam("id") UUID id,
                             @Parameter(description = "Only those changed at or after this time")
                             @QueryParam("updatedSince") OffsetDateTime updatedSince,
                             @Valid @BeanParam ListParameters list,
                             UriInfo uri) {
        Page<GuidanceVersion> page = documents.versions(id, updatedSince, list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(views::version).toList(), page.nextCursor()).toResponse(uri);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "createGuidanceVersion", summary = "Draft a new version", description = "AI Office only. Numbered after the last. Declares its"
            + " sections, or copies those of the latest version; the same key is the same section.")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (a key used twice, no sections for a first version)")
    @APIResponse(responseCode = "404", description = "No such document")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response createVersion(@PathParam("id") UUID id, @Valid @NotNull VersionInput body,
                                  @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                                  @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            GuidanceVersion version = documents.createVersion(id, body.changeNote(), body.drafts());
            return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(version.number)).build())
                    .tag(Versions.etag(version.version)).entity(views.version(version)).build();
        });
    }

    @GET
    @Path("{id}/versions/{number}")
    @Operation(operationId = "getGuidanceVersion", summary = "One version with its sections", description = "A draft version is the AI Office's only.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such document or version")
    public Response version(@PathParam("id") UUID id, @PathParam("number") int number) {
        GuidanceVersion version = documents.version(id, number);
        return Response.ok(views.version(version)).tag(Versions.etag(version.version)).build();
    }

    @POST
    @Path("{id}/versions/{number}/publication")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "publishGuidanceVersion", summary = "Publish a version to the Taskforce",
            description = "AI Office only. The document is published with its first version.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such document or version")
    @APIResponse(responseCode = "409", description = "Published already")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response publish(@PathParam("id") UUID id, @PathParam("number") int number,
                            @Parameter(description = "The version's ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        GuidanceVersion version = documents.publishVersion(id, number, ifMatch);
        return Response.ok(views.version(version)).tag(Versions.etag(version.version)).build();
    }

    @POST
    @Path("{id}/versions/{number}/windows")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "openInputWindow", summary = "Open a Taskforce input window on a version",
            description = "AI Office only; one window per published version. Input is accepted from opensAt (default"
                    + " now) until closesAt. Taskforce input, separate from any public consultation.")
    @APIResponse(responseCode = "201", description = "Opened; the Location is the window",
            content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (closesAt not after opensAt, or past)")
    @APIResponse(responseCode = "404", description = "No such document or version")
    @APIResponse(responseCode = "409", description = "The version is a draft, or has a window already")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response openWindow(@PathParam("id") UUID id, @PathParam("number") int number, @Valid @NotNull WindowInput body,
                               @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                               @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            InputWindow window = windows.open(id, number, body.opensAt(), body.closesAt());
            return Response.created(uri.getBaseUriBuilder().path("api/v1/guidance/windows").path(window.id.toString())
                    .build()).tag(Versions.etag(window.version)).entity(views.window(window)).build();
        });
    }

    @GET
    @Path("{id}/versions/{number}/overview")
    @Operation(operationId = "getVersionOverview", summary = "Feedback per section and per disposition",
            description = "Items not withdrawn, per section (and on the whole version), by visibility; per disposition"
                    + " for the AI Office, and for everyone once the dispositions are published. The section of a"
                    + " confidential item is confidential: a section counts it only for the AI Office and the"
                    + " organisation that gave it; everyone else finds it in the version's totals (confidentialItems,"
                    + " confidentialByDisposition) only.")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(schema = @Schema(implementation = VersionOverviewView.class)))
    @APIResponse(responseCode = "404", description = "No such document or version")
    public VersionOverviewView overview(@PathParam("id") UUID id, @PathParam("number") int number) {
        OverviewService.VersionOverview overview = overviews.version(id, number);
        InputWindow window = overview.window();
        return new VersionOverviewView(id, number, window == null ? null : window.id,
                window == null ? null : window.phase(Timestamps.now()),
                window != null && window.dispositionsPublished(), overview.items(), overview.publicItems(),
                overview.confidentialItems(),
                overview.sections().stream().map(s -> new GuidanceDtos.SectionCountView(s.key(), s.title(), s.items(),
                        s.publicItems(), s.confidentialItems(), s.byDisposition())).toList(),
                overview.byDisposition(), overview.confidentialByDisposition());
    }

    @GET
    @Path("{id}/versions/{number}/diff")
    @Operation(operationId = "compareGuidanceVersions", summary = "Compare a version with an earlier one, section by section",
            description = "Everyone signed in; a draft version is the AI Office's only. " + VersionDiff.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(schema = @Schema(implementation = VersionDiff.class)))
    @APIResponse(responseCode = "400", description = "from missing or not a version number")
    @APIResponse(responseCode = "404", description = "No such document or version (either of them)")
    public VersionDiff diff(@PathParam("id") UUID id, @PathParam("number") int number,
                            @Parameter(description = "The number of the version to compare with", required = true)
                            @QueryParam("from") @NotNull @Min(1) Integer from) {
        return documents.compare(id, number, from);
    }

    @GET
    @Path("{id}/versions/{number}/sections/{key}/proposals")
    @RolesAllowed(Roles.AI_OFFICE)
    @Operation(operationId = "listSectionProposals", summary = "A section side by side with the wording proposed for it",
            description = "AI Office only. The section's text and the replacement texts proposed for it by feedback in"
                    + " the version's input window (items not withdrawn, public and confidential, oldest first), each"
                    + " compared with the section's text word by word. At most " + GuidanceDtos.MAX_PROPOSALS
                    + " proposals a page (limit, default 10), `Link: rel=\"next\"` to the next.")
    @APIResponse(responseCode = "200", description = "The section and one page of proposals",
            content = @Content(schema = @Schema(implementation = GuidanceDtos.SectionProposalsView.class)))
    @APIResponse(responseCode = "400", description = "An invalid key, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such document, version or section")
    public Response proposals(@PathParam("id") UUID id, @PathParam("number") int number,
                              @PathParam("key") @Pattern(regexp = GuidanceDtos.SECTION_KEY) String key,
                              @Parameter(description = "Proposals in this page, 1 to " + GuidanceDtos.MAX_PROPOSALS)
                              @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(GuidanceDtos.MAX_PROPOSALS) int limit,
                              @Parameter(description = "Where the previous page ended (its nextCursor)")
                              @QueryParam("cursor") @Size(max = 500) String cursor,
                              UriInfo uri) {
        GuidanceDtos.SectionProposalsView view = views.proposals(
                feedback.proposals(documents.version(id, number), key, cursor, limit));
        Response.ResponseBuilder response = Response.ok(view);
        if (view.nextCursor() != null) {
            response.links(jakarta.ws.rs.core.Link.fromUri(uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", view.nextCursor()).build()).rel("next").build());
        }
        return response.build();
    }

    @GET
    @Path("{id}/sections/{key}")
    @Operation(operationId = "getSectionHistory", summary = "One section through the versions",
            description = "The section of this stable key in every version (readable by the caller) that has it.")
    @APIResponse(responseCode = "200", description = "The section's history",
            content = @Content(schema = @Schema(implementation = SectionHistoryView.class)))
    @APIResponse(responseCode = "404", description = "No such document, or no version has this section")
    public SectionHistoryView section(@PathParam("id") UUID id,
                                      @PathParam("key") @Pattern(regexp = GuidanceDtos.SECTION_KEY) String key) {
        List<GuidanceVersion> versions = documents.sectionHistory(id, key);
        return new SectionHistoryView(id, key, versions.stream().map(v -> {
            int position = 0;
            for (int i = 0; i < v.sections.size(); i++) {
                if (v.sections.get(i).sectionKey.equals(key)) {
                    position = i + 1;
                }
            }
            var s = v.section(key).orElseThrow();
            return new SectionInVersion(v.number, position, s.title, s.text);
        }).toList());
    }
}
