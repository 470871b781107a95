package eu.taskforce.membership.rest;

import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.Signatory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The request and response bodies of the signatory endpoints. The entities are never the API model. */
public final class SignatoryDtos {

    @Schema(name = "NewSignatory", description = "A signatory of the Code to register")
    public record NewSignatory(
            @Schema(examples = "Mistral AI") @NotBlank @Size(max = 200) String name,
            @Schema(description = "ISO 3166-1 alpha-2 code of the organisation's seat", examples = "FR")
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
            @Schema(examples = "https://mistral.ai") @Size(max = 500)
            @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String website,
            @Schema(description = "The chapters of the Code it signed; at least one")
            @NotEmpty Set<@NotNull Chapter> chapters,
            @Schema(examples = "2025-08-01") @NotNull @PastOrPresent LocalDate signedOn) {
    }

    @Schema(name = "Signatory", description = "A signatory of the General-Purpose AI Code of Practice")
    public record SignatoryView(UUID id, String name, String country, String website, Set<Chapter> chapters,
                                LocalDate signedOn, LocalDate withdrawnOn,
                                @Schema(description = "Whether it is currently a Member of the Taskforce") boolean member,
                                OffsetDateTime updatedAt) {

        static SignatoryView of(Signatory s, boolean member) {
            return new SignatoryView(s.id, s.name, s.country, s.website, new TreeSet<>(s.chapters), s.signedOn,
                    s.withdrawnOn, member, s.updatedAt);
        }
    }

    @Schema(name = "NewMembership", description = "A signatory joining the Taskforce")
    public record NewMembership(
            @Schema(description = "The first day of membership; today when absent", examples = "2026-01-30")
            LocalDate joinedOn) {
    }

    @Schema(name = "Membership", description = "One period of Taskforce membership")
    public record MembershipView(UUID id, UUID signatoryId, LocalDate joinedOn, LocalDate leftOn) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.id, m.signatoryId, m.joinedOn, m.leftOn);
        }
    }

    private SignatoryDtos() {
    }
}
