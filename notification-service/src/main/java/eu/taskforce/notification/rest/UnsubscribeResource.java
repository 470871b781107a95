package eu.taskforce.notification.rest;

import eu.taskforce.notification.domain.MailFrequency;
import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.notification.service.MailPreferences;
import eu.taskforce.notification.service.MailSender;
import eu.taskforce.notification.service.UnsubscribeTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The unsubscribe links of the e-mails, without logging in: the signed token names the person and the kind. GET says
 * what the link turns off and changes nothing (mail scanners and link previews fetch links); POST turns it off, and
 * is what a mail client's one-click unsubscribe sends (RFC 8058: {@code List-Unsubscribe=One-Click} as a form).
 */
@Path(MailSender.UNSUBSCRIBE_PATH)
@Tag(name = "E-mail", description = "E-mails to representatives and stakeholders: preferences per kind, digests,"
        + " unsubscribe links")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final MailPreferences preferences;

    public UnsubscribeResource(UnsubscribeTokens tokens, MailPreferences preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GET
    @Operation(operationId = "getUnsubscription", summary = "What an unsubscribe link turns off (no login)",
            description = "Changes nothing; POST the same URL to turn it off.")
    @APIResponse(responseCode = "200", description = "What the link turns off, and whether it is off already",
            content = @Content(schema = @Schema(implementation = MailPreferenceDtos.Unsubscription.class)))
    @APIResponse(responseCode = "400", description = "Not a valid link (tampered, truncated)")
    public MailPreferenceDtos.Unsubscription describe(@Parameter(description = "The token of the e-mail's link")
                                                      @QueryParam("token") @NotNull @Size(max = 1000) String token) {
        UnsubscribeTokens.Unsubscription unsubscription = tokens.verify(token);
        MailPreferences.Choices choices = preferences.of(unsubscription.person());
        boolean off = unsubscription.kind() == null
                ? Arrays.stream(MailKind.values()).allMatch(kind -> choices.of(kind) == MailFrequency.OFF)
                : choices.of(unsubscription.kind()) == MailFrequency.OFF;
        return new MailPreferenceDtos.Unsubscription(unsubscription.kind(), off);
    }

    @POST
    @Operation(operationId = "unsubscribe", summary = "Turn off what an unsubscribe link names (no login)",
            description = "One-click unsubscribe (RFC 8058): any body (List-Unsubscribe=One-Click) is ignored."
                    + " Idempotent. The person turns it on again with their preferences.")
    @APIResponse(responseCode = "200", description = "It is off",
            content = @Content(schema = @Schema(implementation = MailPreferenceDtos.Unsubscription.class)))
    @APIResponse(responseCode = "400", description = "Not a valid link (tampered, truncated)")
    public MailPreferenceDtos.Unsubscription unsubscribe(@Parameter(description = "The token of the e-mail's link")
                                                         @QueryParam("token") @NotNull @Size(max = 1000) String token) {
        UnsubscribeTokens.Unsubscription unsubscription = tokens.verify(token);
        Map<MailKind, MailFrequency> off = new EnumMap<>(MailKind.class);
        for (MailKind kind : unsubscription.kind() == null ? MailKind.values() : new MailKind[]{unsubscription.kind()}) {
            off.put(kind, MailFrequency.OFF);
        }
        preferences.change(unsubscription.person(), off, null);
        return new MailPreferenceDtos.Unsubscription(unsubscription.kind(), true);
    }
}
