package eu.taskforce.platform.audit;

import eu.taskforce.platform.api.ListParameters;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audit trail's read endpoint, the same in every service; a service's {@code AuditResource} extends it and gives
 * only its path ({@code /api/v1/<service>/audit}).
 */
public abstract class AuditEndpoint {

    private final AuditTrail audit;

    protected AuditEndpoint(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.AI_OFFICE)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Audit trail", description = "Who did what, when, to which record; AI Office only")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "getAuditTrail", summary = "The audit trail, oldest first")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "403", description = "Not the AI Office")
    public RestResponse<Page<AuditTrail.Entry>> entries(@Parameter(description = "Only the entries about this record") @QueryParam("recordId") UUID recordId,
                            @Valid @BeanParam ListParameters list,
                            UriInfo uri) {
        return audit.page(recordId, list.cursor(), list.limit()).toResponse(uri);
    }
}
