package eu.taskforce.contracts.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * The agenda of a meeting was published (or, after publication, changed: a higher revision replaces the earlier).
 *
 * @param meetingId the aggregate id: the CloudEvents subject and the Kafka key
 * @param revision  1 for the first publication, then one more for each change
 * @param items     the agenda, in order
 */
public record AgendaPublished(UUID meetingId, int revision, List<Item> items) {

    /**
     * One agenda item.
     *
     * @param position            1, 2, 3... in the order of the agenda
     * @param codeReferences      commitments or measures of the Code it concerns ({@code SAFETY_AND_SECURITY-3.2})
     * @param guidanceDocumentIds guidance documents it concerns (ids in guidance-service)
     * @param codeEdition         the edition of the Code the references name ({@code 2025-07-10}); null in events
     *                            written before references named their edition, which name {@code 2025-07-10}
     */
    public record Item(int position, String title, String description, List<String> codeReferences,
                       List<UUID> guidanceDocumentIds,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String codeEdition) {
    }
}
