package eu.taskforce.contracts.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The AI Office circulated a paper of a meeting: its metadata only, never its content. A paper that is not PUBLIC names
 * the reason it is withheld from the public, so that the register lists every paper of a meeting held.
 *
 * @param meetingId         the aggregate id: the CloudEvents subject and the Kafka key
 * @param paperId           the paper (meeting-service serves a PUBLIC one at
 *                          {@code /api/v1/meetings/{meetingId}/papers/{paperId}/content} once the meeting is held)
 * @param agendaItem        the position (from 1) of the agenda item it belongs to; absent for the meeting as a whole
 * @param withholdingReason why it is not disclosed to the public; absent for a PUBLIC paper
 * @param dueOn             the day by which members should have had it (the meeting's start less the notice period)
 * @param late              circulated after {@code dueOn}
 * @param sha256            the SHA-256 (hex) of the document circulated
 */
public record PaperCirculated(UUID meetingId, UUID paperId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer agendaItem, String title,
                              PaperVisibility visibility,
                              @JsonInclude(JsonInclude.Include.NON_NULL) WithholdingReason withholdingReason,
                              OffsetDateTime circulatedAt, LocalDate dueOn, boolean late, String mediaType, long size,
                              String sha256) {
}
