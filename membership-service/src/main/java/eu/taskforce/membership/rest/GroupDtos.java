package eu.taskforce.membership.rest;

import eu.taskforce.membership.domain.AdHocGroup;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Bodies of the ad-hoc group endpoints. */
public final class GroupDtos {

    @Schema(name = "NewAdHocGroup", description = "An ad-hoc group to form")
    public record NewGroup(
            @Schema(examples = "Open-source models") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "Implementation of the Code by providers of open-source models")
            @Size(max = 2000) String description) {
    }

    @Schema(name = "NewParticipant", description = "A member organisation to add to a group")
    public record NewParticipant(@Schema(description = "The organisation's signatory id") @NotNull UUID organisationId) {
    }

    @Schema(name = "AdHocGroupParticipant")
    public record ParticipantView(UUID organisationId, OffsetDateTime addedAt) {
    }

    @Schema(name = "AdHocGroup", description = "An ad-hoc group of the Taskforce and the organisations taking part")
    public record GroupView(UUID id, String name, String description, List<ParticipantView> participants,
                            OffsetDateTime updatedAt) {

        static GroupView of(AdHocGroup g) {
            return new GroupView(g.id, g.name, g.description, g.participants.stream()
                    .sorted(Comparator.comparing((AdHocGroup.Participant p) -> p.addedAt))
                    .map(p -> new ParticipantView(p.organisationId, p.addedAt)).toList(), g.updatedAt);
        }
    }

    private GroupDtos() {
    }
}
