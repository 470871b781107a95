package eu.taskforce.guidance.rest;

import eu.taskforce.guidance.rest.GuidanceDtos.LinkedDocument;
import eu.taskforce.guidance.rest.GuidanceDtos.LinkedEvidence;
import eu.taskforce.guidance.rest.GuidanceDtos.ReferenceView;
import eu.taskforce.guidance.service.OverviewService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Path("{reference}")
    @Operation(operationId = "getReferenceOverview", summary = "What is linked to a commitment or measure",
            description = "Everyone signed in. The guidance documents and evidence linked to it (for a commitment, also"
                    + " to its measures), newest first, at most 200 of each; drafts and evidence the caller may not read"
                    + " are left out.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(schema = @Schema(implementation = ReferenceView.class)))
    @APIResponse(responseCode = "404", description = "Not a commitment or measure of the Code")
    public ReferenceView reference(@Parameter(description = "A commitment (SAFETY_AND_SECURITY-3) or measure"
            + " (SAFETY_AND_SECURITY-3.2)") @PathParam("reference") String reference) {
        OverviewService.ReferenceOverview overview = overviews.reference(reference);
        return new ReferenceView(overview.reference(), overview.title(),
                overview.documents().stream().map(d -> new LinkedDocument(d.id, d.title, d.kind, d.status)).toList(),
                overview.evidence().stream().map(e -> new LinkedEvidence(e.id, e.title, e.type, e.url, e.visibility))
                        .toList());
    }
}
