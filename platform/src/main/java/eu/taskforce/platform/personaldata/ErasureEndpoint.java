package eu.taskforce.platform.personaldata;

import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The AI Office erases the personal data of a named account, the same in every service; a service's
 * {@code ErasureResource} extends it and gives only its path ({@code /api/v1/<service>/personal-data/erasures}); its
 * README says what a name reaches there.
 */
public abstract class ErasureEndpoint {

    private final PersonalData personalData;
    private final Caller caller;

    protected ErasureEndpoint(PersonalData personalData, Caller caller) {
        this.personalData = personalData;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.AI_OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Personal data", description = "A person's own data: export and erasure (Regulation (EU) 2018/1725)")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "eraseNamedAccount", summary = "Erase the personal data of a named account (AI Office)",
            description = "The same erasure as the account's own DELETE .../me/personal-data, for an account the AI"
                    + " Office names (for example at the person's written request, or once the account is closed)."
                    + " A name reaches the rows that record the account name, and the rows recorded under a token"
                    + " subject only where this service can link that subject to the name (see the service's"
                    + " description). Idempotent: erasing again changes nothing and answers 204 too.")
    @APIResponse(responseCode = "204", description = "Erased (or nothing was held)")
    @APIResponse(responseCode = "400", description = "The username is missing, longer than 100 characters or holds"
            + " other characters than letters, digits and . _ @ -")
    @APIResponse(responseCode = "403", description = "Not the AI Office")
    public Response erase(@Valid @NotNull ErasureRequest body) {
        personalData.eraseNamed(body.username(), caller.actor());
        return Response.noContent().build();
    }
}
