package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.membership.domain.Disclosure;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The openings of published values, which the register resolves while they are published (ADR 0003). */
@Path("/api/v1/membership/disclosures")
@Tag(name = "Personal data", description = "A person's own data: export and erasure (Regulation (EU) 2018/1725)")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.AI_OFFICE})
public class DisclosureResource {

    @GET
    @Path("{commitment}")
    @Transactional
    @Operation(operationId = "getOpening", summary = "The opening of a published value (Taskforce services)",
            description = "For the register, which resolves the commitments that events carry: the value and its salt"
                    + " while the value is published; 404 once consent is withdrawn, the value rectified or the person"
                    + " erased.")
    @APIResponse(responseCode = "200", description = "The opening",
            content = @Content(schema = @Schema(implementation = Opening.class)))
    @APIResponse(responseCode = "400", description = "Not a commitment")
    @APIResponse(responseCode = "403", description = "Neither a Taskforce service nor the AI Office")
    @APIResponse(responseCode = "404", description = "Not published (never, or no longer)")
    public Opening opening(@PathParam("commitment") @Pattern(regexp = "sha256:[0-9a-f]{64}",
            message = "must be sha256: and 64 lower-case hex digits") String commitment) {
        return Disclosure.openingOf(commitment)
                .orElseThrow(() -> ProblemException.notFound("Disclosure", commitment));
    }
}
