package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.domain.Stakeholder;
import eu.taskforce.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Who receives the Taskforce's e-mails, for notification-service only (client credentials): the addresses stay here
 * and are handed out for one sending, never copied into events (docs/adr/0006-email-notifications.md).
 */
@Path("/api/v1/membership/mail-recipients")
@Tag(name = "Representatives", description = "Representatives of member organisations. A member organisation "
        + "manages its own; the AI Office manages all. Contact details are never public.")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class MailRecipientResource {

    /** The most recipients of one answer: far above the Taskforce's size, so that the answer stays bounded. */
    static final int LIMIT = 5000;

    @Schema(name = "MailRecipientAudience", description = "REPRESENTATIVES: of the current member organisations;"
            + " STAKEHOLDERS: those not removed")
    public enum Audience { REPRESENTATIVES, STAKEHOLDERS }

    @Schema(name = "MailRecipient", description = "Where one person's e-mails go")
    public record MailRecipient(
            @Schema(description = "REPRESENTATIVE or STAKEHOLDER") String type,
            @Schema(description = "The representative's account name (lower case), or the stakeholder's id",
                    maxLength = 100) String person,
            @Schema(description = "The representative's organisation; null for a stakeholder", nullable = true)
            java.util.UUID organisationId,
            @Schema(maxLength = 320) String email) {
    }

    @GET
    @Transactional
    @Operation(operationId = "listMailRecipients", summary = "Where e-mails go (Taskforce services only)",
            description = "For notification-service, which sends the Taskforce's e-mails: REPRESENTATIVES are the"
                    + " active representatives of the current member organisations, STAKEHOLDERS the stakeholders not"
                    + " removed; erased people are never listed. At most " + LIMIT + ".")
    @APIResponse(responseCode = "200", description = "The recipients", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = MailRecipient.class, maxItems = LIMIT)))
    @APIResponse(responseCode = "400", description = "No or an unknown audience")
    @APIResponse(responseCode = "403", description = "Not a Taskforce service")
    public List<MailRecipient> recipients(@QueryParam("audience") @NotNull Audience audience) {
        if (audience == Audience.STAKEHOLDERS) {
            return Stakeholder.<Stakeholder>find("removedAt is null and contactEmail is not null order by id")
                    .page(0, LIMIT).list().stream()
                    .map(s -> new MailRecipient("STAKEHOLDER", s.id.toString(), null, s.contactEmail))
                    .toList();
        }
        return Representative.<Representative>find("removedAt is null and email is not null and username is not null"
                        + " and organisationId in (select m.signatoryId from Membership m where m.leftOn is null)"
                        + " order by id")
                .page(0, LIMIT).list().stream()
                .map(r -> new MailRecipient("REPRESENTATIVE", r.username.toLowerCase(java.util.Locale.ROOT),
                        r.organisationId, r.email))
                .toList();
    }
}
