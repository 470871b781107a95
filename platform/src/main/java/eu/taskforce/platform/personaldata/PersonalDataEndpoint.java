package eu.taskforce.platform.personaldata;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's own data in one service: the erasure, the same in every service; a service's {@code PersonalDataResource}
 * extends it, gives its path ({@code /api/v1/<service>/me/personal-data}) and adds the export of what it holds (its
 * description says what that is, and so what the erasure reaches).
 */
public abstract class PersonalDataEndpoint {

    private final PersonalData personalData;

    protected PersonalDataEndpoint(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The answer of an export: personal data, so no cache may keep it. */
    protected static Response exportAnswer(Object export) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(export).cacheControl(noStore).build();
    }

    @DELETE
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Personal data", description = "A person's own data: export and erasure (Regulation (EU) 2018/1725)")
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "eraseMyPersonalData", summary = "Erase the personal data held about my account",
            description = "What this service holds about the caller's account (the export, GET, lists it) is erased:"
                    + " account names, names and display names leave the records, which stay for the history; the"
                    + " token subject becomes the pseudonym `erased` wherever a record keeps who did something (the"
                    + " audit trail included); stored idempotency replays are forgotten. The gateway's"
                    + " DELETE /api/v1/me/personal-data does this in every service. Idempotent: 204 again when nothing"
                    + " is left.")
    @APIResponse(responseCode = "204", description = "Erased (or nothing was held)")
    public Response erase() {
        personalData.eraseOwn();
        return Response.noContent().build();
    }
}
