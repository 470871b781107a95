package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.membership.domain.Stakeholder;
import eu.taskforce.membership.service.StakeholderService.StakeholderDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Bodies of the stakeholder endpoints (AI Office only). */
public final class StakeholderDtos {

    @Schema(name = "StakeholderDetails", description = "A third-party stakeholder or invited expert")
    public record StakeholderRequest(
            @Schema(description = "ORGANISATION or PERSON") @NotNull StakeholderProfile.Kind kind,
            @Schema(examples = "Open Source Initiative") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "Open-source licensing") @NotBlank @Size(max = 300) String fieldOfExpertise,
            @Schema(description = "Never published", examples = "contact@example.org")
            @NotBlank @Email @Size(max = 320) String contactEmail,
            @Schema(description = "Whether they consent to be listed publicly") @NotNull Boolean listedPublicly) {

        StakeholderDetails details() {
            return new StakeholderDetails(kind, name, fieldOfExpertise, contactEmail, listedPublicly);
        }
    }

    @Schema(name = "Stakeholder", description = "A third-party stakeholder or invited expert")
    public record StakeholderView(UUID id, StakeholderProfile.Kind kind, String name, String fieldOfExpertise,
                                  String contactEmail, boolean listedPublicly, OffsetDateTime updatedAt) {

        static StakeholderView of(Stakeholder s) {
            return new StakeholderView(s.id, s.kind, s.name, s.fieldOfExpertise, s.contactEmail, s.listedPublicly,
                    s.updatedAt);
        }
    }

    private StakeholderDtos() {
    }
}
