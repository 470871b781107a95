package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.domain.ChaptersChange;
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

    static final String COUNTRY_PATTERN = "[A-Z]{2}";
    static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 code such as FR";
    static final String WEBSITE_PATTERN = "https?://\\S+";
    static final String WEBSITE_MESSAGE = "must be an http or https address";

    @Schema(name = "NewSignatory", description = "A signatory of the Code to register")
    public record NewSignatory(
            @Schema(examples = "Mistral AI") @NotBlank @Size(max = 200) String name,
            @Schema(description = "ISO 3166-1 alpha-2 code of the organisation's seat", examples = "FR")
            @Pattern(regexp = COUNTRY_PATTERN, message = COUNTRY_MESSAGE) String country,
            @Schema(examples = "https://mistral.ai") @Size(max = 500)
            @Pattern(regexp = WEBSITE_PATTERN, message = WEBSITE_MESSAGE) String website,
            @Schema(description = "The chapters of the Code it signed; at least one, at most the three")
            @NotEmpty @Size(max = 3) Set<@NotNull Chapter> chapters,
            @Schema(examples = "2025-08-01") @NotNull @PastOrPresent LocalDate signedOn) {
    }

    @Schema(name = "SignatoryChange", description = "A signatory's details after the change (all of them)")
    public record SignatoryChange(
            @Schema(examples = "Mistral AI") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "FR") @Pattern(regexp = COUNTRY_PATTERN, message = COUNTRY_MESSAGE) String country,
            @Schema(examples = "https://mistral.ai") @Size(max = 500)
            @Pattern(regexp = WEBSITE_PATTERN, message = WEBSITE_MESSAGE) String website,
            @Schema(description = "The chapters it signs from effectiveOn; at least one, at most the three")
            @NotEmpty @Size(max = 3) Set<@NotNull Chapter> chapters,
            @Schema(description = "When a change of chapters takes effect; today when absent", examples = "2026-03-01")
            LocalDate effectiveOn) {
    }

    @Schema(name = "Signatory", description = "A signatory of the General-Purpose AI Code of Practice")
    public record SignatoryView(
            UUID id,
            @Schema(examples = "Mistral AI") String name,
            @Schema(examples = "FR") String country,
            String website,
            Set<Chapter> chapters,
            @Schema(examples = "2025-08-01") LocalDate signedOn,
            @Schema(description = "When it withdrew its signature; absent while it stands") LocalDate withdrawnOn,
            @Schema(description = "SIGNED, or WITHDRAWN") String status,
            @Schema(description = "Whether it is currently a Member of the Taskforce") boolean member,
            @Schema(description = "Where the record comes from, for reference data") String source,
            OffsetDateTime updatedAt) {

        static SignatoryView of(Signatory s, boolean member) {
            return new SignatoryView(s.id, s.name, s.country, s.website, new TreeSet<>(s.chapters), s.signedOn,
                    s.withdrawnOn, s.isWithdrawn() ? "WITHDRAWN" : "SIGNED", member, s.source, s.updatedAt);
        }
    }

    @Schema(name = "ChaptersChange", description = "The chapters a signatory signed from a given day")
    public record ChaptersChangeView(LocalDate effectiveOn, Set<Chapter> chapters, OffsetDateTime recordedAt,
                                     @Schema(description = "The token subject of who recorded it") String recordedBy) {

        static ChaptersChangeView of(ChaptersChange c) {
            return new ChaptersChangeView(c.effectiveOn, new TreeSet<>(c.chapterSet()), c.recordedAt, c.recordedBy);
        }
    }

    @Schema(name = "Withdrawal", description = "A signatory withdrawing its signature of the Code")
    public record Withdrawal(
            @Schema(description = "The day of withdrawal; today when absent", examples = "2026-05-31")
            @PastOrPresent LocalDate withdrawnOn) {
    }

    @Schema(name = "NewMembership", description = "A signatory joining the Taskforce")
    public record NewMembership(
            @Schema(description = "The first day of membership; today when absent", examples = "2026-01-30")
            @PastOrPresent LocalDate joinedOn) {
    }

    @Schema(name = "Leave", description = "A member leaving the Taskforce")
    public record Leave(
            @Schema(description = "The last day of membership; today when absent", examples = "2026-06-30")
            @PastOrPresent LocalDate leftOn) {
    }

    @Schema(name = "Membership", description = "One period of Taskforce membership")
    public record MembershipView(UUID id, UUID signatoryId, LocalDate joinedOn,
                                 @Schema(description = "The token subject of who recorded the join") String joinedBy,
                                 @Schema(description = "The last day; absent while the period runs") LocalDate leftOn,
                                 @Schema(description = "The token subject of who recorded the end") String leftBy,
                                 @Schema(description = "LEFT or SIGNATURE_WITHDRAWN; absent while the period runs")
                                 MembershipEnded.Reason endReason) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.id, m.signatoryId, m.joinedOn, m.joinedBy, m.leftOn, m.leftBy, m.endReason);
        }
    }

    private SignatoryDtos() {
    }
}
