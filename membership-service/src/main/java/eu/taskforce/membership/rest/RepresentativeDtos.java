package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.service.RepresentativeService.RepresentativeDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Bodies of the representative endpoints. Contact details appear only here, to the AI Office and the organisation. */
public final class RepresentativeDtos {

    @Schema(name = "RepresentativeDetails", description = "A representative of a member organisation")
    public record RepresentativeRequest(
            @Schema(examples = "Jeanne Martin") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Never published", examples = "jeanne.martin@example.org")
            @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "At most one PRINCIPAL at a time") @NotNull RepresentativeRole role,
            @Schema(description = "The identity-provider account the person logs in with", examples = "member-a")
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+",
                    message = "may hold letters, digits and . _ @ - only") String username,
            @Schema(description = "Whether the person consents to the publication of their name")
            @NotNull Boolean nameConsent) {

        RepresentativeDetails details() {
            return new RepresentativeDetails(name, email, role, username, nameConsent);
        }
    }

    @Schema(name = "Representative", description = "A representative, as the AI Office and the organisation see it")
    public record RepresentativeView(UUID id, UUID organisationId, String name, String email, RepresentativeRole role,
                                     String username, boolean nameConsent, OffsetDateTime updatedAt) {

        static RepresentativeView of(Representative r) {
            return new RepresentativeView(r.id, r.organisationId, r.name, r.email, r.role, r.username, r.nameConsent,
                    r.updatedAt);
        }
    }

    private RepresentativeDtos() {
    }
}
