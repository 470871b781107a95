package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.membership.domain.AdHocGroup;
import eu.taskforce.membership.domain.Stakeholder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    @Schema(name = "NewGroupStakeholder", description = "A stakeholder or invited expert of the register to add to a"
            + " group")
    public record NewStakeholder(@Schema(description = "The stakeholder's id in the register") @NotNull UUID stakeholderId) {
    }

    @Schema(name = "AdHocGroupParticipant")
    public record ParticipantView(UUID organisationId, OffsetDateTime addedAt) {
    }

    @Schema(name = "AdHocGroupStakeholder", description = "A stakeholder or invited expert taking part. Its name only"
            + " when it is listed publicly (a person's with recorded consent); the AI Office reads the rest in the"
            + " register of stakeholders")
    public record StakeholderView(
            UUID stakeholderId,
            @Schema(description = "ORGANISATION or PERSON") StakeholderProfile.Kind kind,
            @Schema(description = "Null unless the stakeholder is listed publicly", nullable = true) String name,
            OffsetDateTime addedAt) {
    }

    @Schema(name = "AdHocGroup", description = "An ad-hoc group of the Taskforce, the organisations and the stakeholders"
            + " taking part")
    public record GroupView(UUID id, String name, String description, List<ParticipantView> participants,
                            List<StakeholderView> stakeholders, OffsetDateTime updatedAt) {

        static GroupView of(AdHocGroup g) {
            List<UUID> ids = g.stakeholders.stream().map(s -> s.stakeholderId).toList();
            Map<UUID, Stakeholder> registered = ids.isEmpty() ? Map.of() : Stakeholder.<Stakeholder>list("id in ?1", ids)
                    .stream().collect(Collectors.toMap(s -> s.id, s -> s));
            return new GroupView(g.id, g.name, g.description, g.participants.stream()
                    .sorted(Comparator.comparing((AdHocGroup.Participant p) -> p.addedAt))
                    .map(p -> new ParticipantView(p.organisationId, p.addedAt)).toList(),
                    g.stakeholders.stream()
                            .sorted(Comparator.comparing((AdHocGroup.StakeholderParticipant p) -> p.addedAt))
                            .map(p -> stakeholder(p, registered.get(p.stakeholderId))).toList(), g.updatedAt);
        }

        private static StakeholderView stakeholder(AdHocGroup.StakeholderParticipant p, Stakeholder s) {
            // a person's name is shown only as far as its consent to be listed publicly goes
            return new StakeholderView(p.stakeholderId, s == null ? null : s.kind,
                    s != null && s.listedPublicly ? s.name : null, p.addedAt);
        }
    }

    private GroupDtos() {
    }
}
