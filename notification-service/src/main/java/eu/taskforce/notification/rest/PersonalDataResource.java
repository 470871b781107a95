package eu.taskforce.notification.rest;

import eu.taskforce.notification.service.PersonalDataService;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.personaldata.PersonalDataEndpoint;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications/me/personal-data")
@Tag(name = "Personal data", description = "A person's own data: export and erasure (Regulation (EU) 2018/1725)")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PersonalDataResource extends PersonalDataEndpoint {

    private final PersonalDataService service;

    public PersonalDataResource(PersonalDataService service, PersonalData personalData) {
        super(personalData);
        this.service = service;
    }

    @GET
    @Operation(operationId = "exportMyPersonalData", summary = "Export the personal data held about my account",
            description = "Any signed-in caller, about the account of its token: the webhook subscriptions it owns"
                    + " (never their secrets) and the audit entries under its subject. Each list holds at most 200"
                    + " entries, newest first. Erasure (DELETE): its subscriptions are deleted with their delivery"
                    + " logs, and its token subject becomes the pseudonym `erased` in the audit trail.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = PersonalDataService.Export.class)))
    public Response export() {
        return exportAnswer(service.export());
    }
}
