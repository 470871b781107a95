package eu.taskforce.membership.rest;

import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.VademecumPublished;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.domain.VademecumEdition;
import eu.taskforce.membership.service.VademecumService;
import eu.taskforce.platform.api.SectionKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies of the Vademecum endpoints. */
public final class VademecumDtos {

    static final int MAX_SECTIONS = 50;

    @Schema(name = "NewVademecumEdition", description = "A new draft edition. Without sections, it copies those of the"
            + " latest published edition; a section keeps its identity from one edition to the next through its key.")
    public record NewEdition(@Size(max = 2000) String changeNote,
                             @Size(min = 1, max = MAX_SECTIONS) List<@NotNull @Valid SectionInput> sections) {
        List<VademecumService.SectionDraft> drafts() {
            return sections == null ? null : sections.stream().map(SectionInput::draft).toList();
        }
    }

    @Schema(name = "VademecumEditionChange", description = "A draft's change note and all its sections, in order")
    public record EditionChange(@Size(max = 2000) String changeNote,
                                @NotNull @Size(min = 1, max = MAX_SECTIONS) List<@NotNull @Valid SectionInput> sections) {
        List<VademecumService.SectionDraft> drafts() {
            return sections.stream().map(SectionInput::draft).toList();
        }
    }

    @Schema(name = "VademecumSectionInput", description = "A section. To be published an edition needs the keys "
            + "rules-of-procedure, objectives, membership-rules, transparency-rules and without-prejudice (the statement"
            + " that Taskforce input is without prejudice to the AI Office's public consultations).")
    public record SectionInput(
            @Schema(description = "Stable key: the same key names the same section in every edition",
                    examples = "rules-of-procedure")
            @NotNull @Pattern(regexp = SectionKeys.PATTERN, message = SectionKeys.MESSAGE) String key,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 50000) String text) {
        VademecumService.SectionDraft draft() {
            return new VademecumService.SectionDraft(key, title, text);
        }
    }

    @Schema(name = "VademecumSection")
    public record SectionView(String key, @Schema(description = "1, 2, ... in this edition") int position, String title,
                              String text) {
    }

    @Schema(name = "VademecumParticipant", description = "A member organisation on the publication day")
    public record ParticipantView(UUID organisationId, String name, String country, String website,
                                  List<Chapter> chapters, LocalDate memberSince,
                                  List<RepresentativeView> representatives) {
        static ParticipantView of(VademecumPublished.Participant p) {
            return new ParticipantView(p.organisationId(), p.name(), p.country(), p.website(), p.chapters(),
                    p.memberSince(), p.representatives().stream().map(r -> new RepresentativeView(r.representativeId(),
                    r.role(), r.publicName().commitment())).toList());
        }
    }

    @Schema(name = "VademecumRepresentative", description = "A representative whose name was published with their "
            + "consent on the publication day: the commitment to it, whose opening the public register serves while the"
            + " consent lasts")
    public record RepresentativeView(UUID representativeId, RepresentativeRole role, String nameCommitment) {
    }

    @Schema(name = "VademecumEdition", description = "An edition of the Taskforce Vademecum: a DRAFT (the AI Office's "
            + "alone) or PUBLISHED, numbered and frozen with the participants of its publication day")
    public record EditionView(UUID id, @Schema(description = "DRAFT or PUBLISHED") VademecumEdition.Status status,
                              @Schema(description = "1, 2, ... once published; null for a draft") Integer number,
                              String changeNote, List<SectionView> sections, LocalDate publishedOn,
                              OffsetDateTime publishedAt,
                              @Schema(description = "The participants of the publication day; null for a draft")
                              List<ParticipantView> participants,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static EditionView of(VademecumEdition e) {
            List<ParticipantView> participants = VademecumService.frozen(e)
                    .map(p -> p.participants().stream().map(ParticipantView::of).toList()).orElse(null);
            return new EditionView(e.id, e.status, e.number, e.changeNote, e.sections.stream()
                    .map(s -> new SectionView(s.key, s.position, s.title, s.text)).toList(), e.publishedOn,
                    e.publishedAt, participants, e.createdAt, e.updatedAt);
        }
    }

    private VademecumDtos() {
    }
}
