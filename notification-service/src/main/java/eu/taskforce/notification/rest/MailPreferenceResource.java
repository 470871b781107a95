package eu.taskforce.notification.rest;

import eu.taskforce.notification.domain.MailFrequency;
import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.notification.service.MailPreferences;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The caller's own e-mail preferences: one frequency per kind of e-mail. */
@Path("/api/v1/notifications/preferences")
@Tag(name = "E-mail", description = "E-mails to representatives and stakeholders: preferences per kind, digests,"
        + " unsubscribe links")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEMBER, Roles.STAKEHOLDER, Roles.AI_OFFICE})
public class MailPreferenceResource {

    private final MailPreferences preferences;
    private final Caller caller;

    public MailPreferenceResource(MailPreferences preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMailPreferences", summary = "My e-mail preferences",
            description = "Every kind of e-mail with its frequency: IMMEDIATELY, DAILY or WEEKLY (a digest at the"
                    + " configured hour, Europe/Brussels by default), or OFF. A kind never chosen has its default.")
    @APIResponse(responseCode = "200", description = "The preferences",
            content = @Content(schema = @Schema(implementation = MailPreferenceDtos.Preferences.class)))
    public Response get() {
        MailPreferences.Choices choices = preferences.of(person());
        return Response.ok(MailPreferenceDtos.Preferences.of(choices)).tag(Versions.etag(choices.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMailPreferences", summary = "Change my e-mail preferences",
            description = "Sets the frequency of the kinds named (each at most once); the others keep theirs. Items"
                    + " already waiting for a digest stay in it.")
    @APIResponse(responseCode = "200", description = "The preferences",
            content = @Content(schema = @Schema(implementation = MailPreferenceDtos.Preferences.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: an unknown kind or frequency, a kind twice")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response change(@Valid @NotNull MailPreferenceDtos.Change body,
                           @Parameter(description = "The preferences' ETag read last")
                           @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        Map<MailKind, MailFrequency> changes = new EnumMap<>(MailKind.class);
        for (MailPreferenceDtos.Preference preference : body.preferences()) {
            if (changes.put(preference.kind(), preference.frequency()) != null) {
                throw ProblemException.badRequest("The kind " + preference.kind() + " is named twice");
            }
        }
        MailPreferences.Choices choices = preferences.change(person(), changes, ifMatch);
        return Response.ok(MailPreferenceDtos.Preferences.of(choices)).tag(Versions.etag(choices.version())).build();
    }

    /** The person is the account (lower case), as membership-service names a representative's e-mails. */
    private String person() {
        return caller.username().toLowerCase(Locale.ROOT);
    }
}
