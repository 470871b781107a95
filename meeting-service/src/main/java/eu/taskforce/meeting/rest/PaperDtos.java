package eu.taskforce.meeting.rest;

import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.meeting.domain.MeetingPaper;
import eu.taskforce.meeting.service.PaperService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

/** The bodies of the meeting paper endpoints. */
public final class PaperDtos {

    @Schema(name = "NewPaper", description = "A paper the AI Office adds to a meeting or one of its agenda items")
    public record NewPaper(
            @Schema(examples = "Draft template for the Safety and Security Model Report") @NotBlank @Size(max = 300) String title,
            @Schema(description = "The position (from 1) of the agenda item it belongs to; none for the meeting as a whole")
            @Min(1) @Max(200) Integer agendaItem,
            @Schema(description = "MEMBERS: representatives of current member organisations; ATTENDEES: the meeting's"
                    + " invitees only; PUBLIC: everyone once the meeting is held (before that, as MEMBERS)")
            @NotNull PaperVisibility visibility,
            @Schema(description = "Why the paper is not disclosed to the public: required unless PUBLIC, refused for PUBLIC")
            WithholdingReason withholdingReason) {

        PaperService.PaperDetails details() {
            return new PaperService.PaperDetails(title, agendaItem, visibility, withholdingReason);
        }
    }

    @Schema(name = "Paper", description = "A paper of a meeting; its document is downloaded from .../content")
    public record PaperView(UUID id, UUID meetingId, Integer agendaItem, String title, PaperVisibility visibility,
                            WithholdingReason withholdingReason,
                            @Schema(description = "The document's file name; null until it is stored") String documentName,
                            @Schema(description = "Read from the document's bytes") String mediaType,
                            Long size,
                            @Schema(description = "SHA-256 of the document, hex") String sha256,
                            @Schema(description = "When it was circulated to its readers; null until then")
                            OffsetDateTime circulatedAt,
                            @Schema(description = "The day members should have it by: the meeting's start (UTC day)"
                                    + " less taskforce.meetings.papers-due-days") LocalDate dueOn,
                            @Schema(description = "Circulated after dueOn (not circulated yet: would be, if circulated now)")
                            boolean late,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static PaperView of(MeetingPaper p, LocalDate dueOn, boolean late) {
            return new PaperView(p.id, p.meetingId, p.agendaItem, p.title, p.visibility, p.withholdingReason,
                    p.documentName, p.documentType, p.documentSize, p.documentSha256, utc(p.circulatedAt), dueOn, late,
                    utc(p.createdAt), utc(p.updatedAt));
        }
    }

    private PaperDtos() {
    }
}
