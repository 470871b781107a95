package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A member organisation asked the AI Office to convene a meeting. The rationale stays in meeting-service (members and
 * the AI Office read it there); the topic and the proposed agenda items are public.
 *
 * @param requestId           the aggregate id: the CloudEvents subject and the Kafka key
 * @param organisationId      the member organisation that filed it (its signatory id)
 * @param organisationName    its name, so that a subscriber needs no other event to show it
 * @param proposedAgendaItems the titles of the agenda items it proposes, in order
 */
public record MeetingRequestFiled(UUID requestId, UUID organisationId, String organisationName, String topic,
                                  List<String> proposedAgendaItems, OffsetDateTime filedAt) {
}
