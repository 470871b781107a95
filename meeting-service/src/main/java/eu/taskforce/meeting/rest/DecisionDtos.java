package eu.taskforce.meeting.rest;

import eu.taskforce.contracts.meetings.DecisionResult;
import eu.taskforce.contracts.meetings.DecisionSubject;
import eu.taskforce.contracts.meetings.DecisionSubjectKind;
import eu.taskforce.contracts.meetings.DecisionThreshold;
import eu.taskforce.meeting.domain.Decision;
import eu.taskforce.meeting.domain.DecisionStatus;
import eu.taskforce.meeting.domain.Vote;
import eu.taskforce.meeting.domain.VoteChoice;
import eu.taskforce.meeting.service.DecisionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

/** The bodies of the decision endpoints. */
public final class DecisionDtos {

    @Schema(name = "NewDecision", description = "A question the AI Office puts to the member organisations")
    public record NewDecision(
            @Schema(examples = "Invite Dr Example as an independent expert on model evaluations")
            @NotBlank @Size(max = 1000) String question,
            @Schema(description = "SIMPLE_MAJORITY, TWO_THIRDS or UNANIMITY, counted over YES and NO votes")
            @NotNull DecisionThreshold threshold,
            @Schema(description = "When voting ends; in the future") @NotNull OffsetDateTime closesAt,
            @Schema(description = "The meeting it belongs to, if any") UUID meetingId,
            @Schema(description = "The share of current member organisations, in percent, that must take part (YES, NO"
                    + " or ABSTAIN) for the decision to have a result; abstentions count towards the quorum, not the"
                    + " majority. Default 50 (taskforce.meetings.decision-default-quorum).", minimum = "1",
                    maximum = "100", examples = "50")
            @Min(1) @Max(100) Integer quorum,
            @Schema(description = "What the decision decides, if any") @Valid Subject subject) {

        DecisionService.Question toQuestion() {
            return new DecisionService.Question(question, threshold, quorum, closesAt, meetingId,
                    subject == null ? null : new DecisionSubject(subject.kind(), subject.id()));
        }
    }

    @Schema(name = "DecisionSubject", description = "What a decision decides: a stakeholder of the register to invite"
            + " (STAKEHOLDER_INVITATION, its stakeholder id), a guidance version (GUIDANCE_VERSION, its version id), a"
            + " MEETING or a MEETING_REQUEST of this service (which must exist). The register shows the link.")
    public record Subject(@NotNull DecisionSubjectKind kind, @NotNull UUID id) {

        static Subject of(DecisionSubject subject) {
            return subject == null ? null : new Subject(subject.kind(), subject.id());
        }
    }

    @Schema(name = "Ballot", description = "An organisation's vote")
    public record Ballot(@Schema(description = "YES, NO or ABSTAIN") @NotNull VoteChoice choice) {
    }

    @Schema(name = "Vote", description = "How a member organisation voted (AI Office and members only)")
    public record VoteView(UUID decisionId, UUID organisationId, String organisationName, VoteChoice choice,
                           OffsetDateTime castAt, OffsetDateTime updatedAt) {

        static VoteView of(Vote v, String organisationName) {
            return new VoteView(v.key.decisionId, v.key.organisationId, organisationName, v.choice, utc(v.castAt),
                    utc(v.updatedAt));
        }
    }

    @Schema(name = "Decision", description = "A Taskforce decision; the counts once closed")
    public record DecisionView(
            UUID id,
            String question,
            DecisionThreshold threshold,
            OffsetDateTime closesAt,
            UUID meetingId,
            @Schema(description = "The share of current member organisations, in percent, that must take part")
            int quorum,
            @Schema(description = "What the decision decides, if named") Subject subject,
            @Schema(description = "OPEN or CLOSED") DecisionStatus status,
            @Schema(description = "ADOPTED, REJECTED or NO_QUORUM (fewer organisations took part than the quorum"
                    + " asks), once closed") DecisionResult result,
            @Schema(description = "The member organisations at closing, of whom the quorum is a share") Integer eligible,
            @Schema(description = "Counted at closing") Integer yes,
            @Schema(description = "Counted at closing") Integer no,
            @Schema(description = "Counted at closing") Integer abstain,
            OffsetDateTime closedAt,
            @Schema(description = "The caller's organisation's vote (members only)") VoteChoice myVote,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static DecisionView of(Decision d, Vote mine) {
            return new DecisionView(d.id, d.question, d.threshold, utc(d.closesAt), d.meetingId, d.quorum,
                    Subject.of(d.subject()), d.status, d.result, d.eligible, d.yes, d.no, d.abstain, utc(d.closedAt), mine == null ? null : mine.choice, utc(d.createdAt),
                    utc(d.updatedAt));
        }
    }

    private DecisionDtos() {
    }
}
