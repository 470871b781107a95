package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.service.PersonalDataService;
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

@Path("/api/v1/meetings/me/personal-data")
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
            description = "Any signed-in caller, about the account of its token (subject, and account name compared"
                    + " case-insensitively): invitations addressed to it with their display name, its calendar feeds"
                    + " (never their tokens), the minutes comments it wrote, the votes it cast for its organisation,"
                    + " the records that name it as author of a step, and the audit entries under its subject. Each"
                    + " list holds at most 200 entries, newest first."
                    + " Erasure (DELETE): the invitee's name and display name leave its invitations (which stay, for"
                    + " the meetings' history), its calendar feeds are deleted, and its token subject becomes the"
                    + " pseudonym `erased` wherever a record keeps who did something (answers, requests, supports,"
                    + " minutes comments, votes, approvals, the audit trail). Comments and votes stay as the"
                    + " organisation's.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = PersonalDataService.Export.class)))
    public Response export() {
        return exportAnswer(service.export());
    }
}
