package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.membership.domain.Consent;
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
            @Schema(description = "Deprecated and read-only: consent is given with PUT .../{id}/consent by the person "
                    + "themselves or recorded by the AI Office. May be omitted; true is accepted only where the person "
                    + "already consents.", deprecated = true)
            Boolean nameConsent) {

        RepresentativeDetails details() {
            return new RepresentativeDetails(name, email, role, username, nameConsent);
        }
    }

    @Schema(name = "Representative", description = "A representative, as the AI Office and the organisation see it")
    public record RepresentativeView(UUID id, UUID organisationId, String name, String email, RepresentativeRole role,
                                     String username,
                                     @Schema(description = "Whether the person currently consents to the publication "
                                             + "of their name") boolean nameConsent,
                                     @Schema(description = "The current consent, or null") ConsentView consent,
                                     OffsetDateTime updatedAt) {

        static RepresentativeView of(Representative r) {
            return new RepresentativeView(r.id, r.organisationId, r.name, r.email, r.role, r.username, r.nameConsent,
                    Consent.current(r.id).map(ConsentView::of).orElse(null), r.updatedAt);
        }
    }

    @Schema(name = "ConsentRequest", description = "Consent to publication, to the current privacy notice")
    public record ConsentRequest(
            @Schema(description = "The version of the privacy notice consented to; it must be the current one",
                    examples = "2026-12-01") @NotBlank @Size(max = 100) String noticeVersion) {
    }

    @Schema(name = "Consent", description = "A consent that can be shown: to what, which notice, when, through whom")
    public record ConsentView(UUID id, @Schema(examples = "PUBLISH_IN_REGISTER") String purpose, String noticeVersion,
                              OffsetDateTime givenAt,
                              @Schema(description = "SELF: the person with their own account; AI_OFFICE: recorded by "
                                      + "the AI Office") Consent.Channel givenVia,
                              @Schema(description = "The AI Office staff member's token subject, when recorded by them")
                              String recordedBy,
                              OffsetDateTime withdrawnAt,
                              @Schema(description = "SELF, AI_OFFICE, or ERASURE") Consent.Channel withdrawnVia) {

        public static ConsentView of(Consent c) {
            return new ConsentView(c.id, c.purpose, c.noticeVersion, c.givenAt, c.givenVia, c.recordedBy,
                    c.withdrawnAt, c.withdrawnVia);
        }
    }

    private RepresentativeDtos() {
    }
}
