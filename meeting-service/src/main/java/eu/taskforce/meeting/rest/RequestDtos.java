package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.MeetingRequest;
import eu.taskforce.meeting.domain.RequestStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

/** The request and response bodies of the members' requests. */
public final class RequestDtos {

    @Schema(name = "NewMeetingRequest", description = "A member organisation's request to convene a meeting")
    public record NewRequest(
            @Schema(examples = "Open-source models and the Safety and Security chapter") @NotBlank @Size(max = 300) String topic,
            @Schema(description = "Why; read by the AI Office and members, not published") @NotBlank @Size(max = 5000)
            String rationale,
            @Schema(description = "Titles of the agenda items the organisation proposes, in order")
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> proposedAgendaItems) {
    }

    @Schema(name = "Decline", description = "Why the AI Office declines a request; the reason is public")
    public record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "Support", description = "An organisation that supports a request")
    public record SupportView(UUID organisationId, String organisationName, OffsetDateTime supportedAt) {
    }

    @Schema(name = "MeetingRequest", description = "A members' request to convene a meeting")
    public record RequestView(
            UUID id,
            @Schema(description = "The organisation that filed it") UUID organisationId,
            String organisationName,
            String topic,
            String rationale,
            List<String> proposedAgendaItems,
            @Schema(description = "FILED, ACCEPTED, DECLINED or WITHDRAWN") RequestStatus status,
            List<SupportView> supporters,
            @Schema(description = "The AI Office's public reason, when declined") String declineReason,
            @Schema(description = "The meeting convened for it, when accepted") UUID meetingId,
            OffsetDateTime filedAt,
            OffsetDateTime decidedAt,
            OffsetDateTime updatedAt) {

        static RequestView of(MeetingRequest r, Map<UUID, String> names) {
            return new RequestView(r.id, r.organisationId, names.get(r.organisationId), r.topic, r.rationale,
                    List.copyOf(r.proposedAgendaItems), r.status,
                    r.supports.stream().map(s -> new SupportView(s.organisationId, names.get(s.organisationId),
                            utc(s.supportedAt))).toList(),
                    r.declineReason, r.meetingId, utc(r.createdAt), utc(r.decidedAt), utc(r.updatedAt));
        }
    }

    private RequestDtos() {
    }
}
