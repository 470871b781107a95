package eu.taskforce.meeting.rest;

import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.meeting.domain.MeetingSummary;
import eu.taskforce.meeting.domain.Minutes;
import eu.taskforce.meeting.domain.MinutesComment;
import eu.taskforce.meeting.domain.MinutesStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

/** The bodies of the minutes and summary endpoints. */
public final class MinutesDtos {

    @Schema(name = "MinutesText", description = "The text of the minutes (confidential)")
    public record MinutesText(@NotBlank @Size(max = 200_000) String text) {
    }

    @Schema(name = "Minutes", description = "The minutes of a meeting held; confidential")
    public record MinutesView(UUID meetingId, @Schema(description = "DRAFT, IN_REVIEW or APPROVED") MinutesStatus status,
                              String text, OffsetDateTime reviewStartedAt, OffsetDateTime approvedAt,
                              OffsetDateTime updatedAt) {

        static MinutesView of(Minutes m) {
            return new MinutesView(m.meetingId, m.status, m.text, utc(m.reviewStartedAt), utc(m.approvedAt),
                    utc(m.updatedAt));
        }
    }

    @Schema(name = "NewMinutesComment", description = "A comment on minutes in review")
    public record NewComment(@NotBlank @Size(max = 10_000) String text) {
    }

    @Schema(name = "MinutesComment", description = "A comment of an attending organisation's representative")
    public record CommentView(UUID id, UUID meetingId, UUID organisationId,
                              @Schema(description = "The token subject of its author") String author, String text,
                              OffsetDateTime createdAt) {

        static CommentView of(MinutesComment c) {
            return new CommentView(c.id, c.meetingId, c.organisationId, c.author, c.text, utc(c.createdAt));
        }
    }

    @Schema(name = "WithheldPart", description = "A part of the minutes that is not published: title and reason, never"
            + " its content")
    public record WithheldPartView(@Schema(examples = "Compute pricing of a member") @NotBlank @Size(max = 300) String title,
                                   @Schema(description = "COMMERCIALLY_CONFIDENTIAL, COMPETITION_LAW, PERSONAL_DATA or"
                                           + " SECURITY") @NotNull WithholdingReason reason) {
    }

    @Schema(name = "NewSummary", description = "The public summary, the confidential annex and what it withholds")
    public record NewSummary(
            @Schema(description = "High-level and public") @NotBlank @Size(max = 20_000) String summary,
            @Schema(description = "Confidential: the AI Office and the attendees' representatives only, never published")
            @Size(max = 200_000) String confidentialAnnex,
            @Schema(description = "What the annex withholds, listed publicly")
            @Size(max = 50) List<@Valid @NotNull WithheldPartView> withheldParts) {
    }

    @Schema(name = "Summary", description = "The public summary of a meeting held and the list of withheld parts")
    public record SummaryView(UUID meetingId, String summary, List<WithheldPartView> withheldParts,
                              OffsetDateTime publishedAt) {

        static SummaryView of(MeetingSummary s) {
            return new SummaryView(s.meetingId, s.summary,
                    s.withheldParts.stream().map(p -> new WithheldPartView(p.title, p.reason)).toList(),
                    utc(s.publishedAt));
        }
    }

    @Schema(name = "ConfidentialAnnex", description = "The confidential annex of a summary")
    public record AnnexView(UUID meetingId, String confidentialAnnex, List<WithheldPartView> withheldParts) {

        static AnnexView of(MeetingSummary s) {
            return new AnnexView(s.meetingId, s.confidentialAnnex,
                    s.withheldParts.stream().map(p -> new WithheldPartView(p.title, p.reason)).toList());
        }
    }

    private MinutesDtos() {
    }
}
