package eu.taskforce.guidance.rest;

import eu.taskforce.contracts.reference.CodeOfPractice;
import eu.taskforce.guidance.rest.GuidanceDtos.EditionView;
import eu.taskforce.guidance.rest.GuidanceDtos.LinkedDocument;
import eu.taskforce.guidance.rest.GuidanceDtos.LinkedEvidence;
import eu.taskforce.guidance.rest.GuidanceDtos.ReferenceView;
import eu.taskforce.guidance.service.OverviewService;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/guidance/references")
@Tag(name = "Code of Practice overview", description = "The guidance and evidence linked to a commitment or measure")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Never for a signed-in caller; documented for uniformity")
public class ReferenceResource {

    private final OverviewService overviews;

    public ReferenceResource(OverviewService overviews) {
        this.overviews = overviews;
    }

    @GET
    @Path("editions")
    @Operation(operationId = "listCodeEditions", summary = "The editions of the Code of Practice",
            description = "Everyone signed in. Oldest first; each names its date, and the current one is marked. A"
                    + " reference to the Code names its edition, so a later edition never changes what it meant.")
    @APIResponse(responseCode = "200", description = "The editions")
    public List<EditionView> editions() {
        CodeOfPractice current = CodeOfPractice.current();
        return CodeOfPractice.editions().stream().map(e -> new EditionView(e.version(), e.title(), e.source(),
                e == current, e.commitments().size(), e.measures().size())).toList();
    }

    @GET
    @Path("{reference}")
    @Operation(operationId = "getReferenceOverview", summary = "What is linked to a commitment or measure",
            description = "Everyone signed in. The guidance documents and evidence linked to it (for a commitment, also"
                    + " to its measures), newest first, at most 200 of each; drafts and evidence the caller may not read"
                    + " are left out. Of one edition of the Code: the current one unless `edition` names another.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(schema = @Schema(implementation = ReferenceView.class)))
    @APIResponse(responseCode = "400", description = "An edition that is not a date")
    @APIResponse(responseCode = "404", description = "Not an edition of the Code, or not a commitment or measure of it")
    public ReferenceView reference(@Parameter(description = "A commitment (SAFETY_AND_SECURITY-3) or measure"
            + " (SAFETY_AND_SECURITY-3.2)") @PathParam("reference") @Size(max = 40) String reference,
                                   @Parameter(description = "The edition of the Code, by its date; default the current one",
                                           example = "2025-07-10")
                                   @QueryParam("edition") @Pattern(regexp = GuidanceDtos.EDITION,
                                           message = "must be an edition's date such as 2025-07-10") String edition) {
        OverviewService.ReferenceOverview overview = overviews.reference(reference, edition);
        return new ReferenceView(overview.reference(), overview.edition(), overview.title(),
                overview.documents().stream().map(d -> new LinkedDocument(d.id, d.title, d.kind, d.status)).toList(),
                overview.evidence().stream().map(e -> new LinkedEvidence(e.id, e.title, e.type, e.url, e.visibility))
                        .toList());
    }
}
