package eu.taskforce.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static eu.taskforce.contracts.EventTypes.*;
import static eu.taskforce.notification.service.Audience.*;

/**
 * The one classification of every event type of the contracts: who may read it today in the service that owns it or in
 * the public register, and so who may receive it by webhook (module README, "Who may subscribe to what";
 * {@code EventAudiencesTest} keeps it complete). A type that a later version of the contracts adds is received by
 * nobody until it is classified here.
 * <ul>
 *     <li>PUBLIC: the register publishes it (signatories, membership periods, stakeholders as listed, ad-hoc groups,
 *     meetings, their agendas and summaries, declined requests, decisions, the cadence, guidance documents, windows,
 *     feedback notices, dispositions, public evidence), or every signed-in account reads it in the owning service; and
 *     the erasure and withdrawal notices, which every copy of a person's data must hear.</li>
 *     <li>MEMBERS: meeting requests until declined (meeting-service shows requests to the AI Office and members only;
 *     the register publishes declined ones).</li>
 *     <li>ORGANISATION: a member organisation's representatives (membership-service shows them to the AI Office and the
 *     organisation itself; the register only the names its people consented to publish).</li>
 * </ul>
 */
public final class EventAudiences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<EventType<?>, Audience> AUDIENCES = new LinkedHashMap<>();

    static {
        classify(PUBLIC, SIGNATORY_REGISTERED, SIGNATORY_UPDATED, SIGNATURE_WITHDRAWN, MEMBERSHIP_STARTED,
                MEMBERSHIP_ENDED, STAKEHOLDER_REGISTERED, STAKEHOLDER_UPDATED, STAKEHOLDER_REMOVED, STAKEHOLDER_ERASED,
                PERSONAL_DATA_WITHDRAWN, AD_HOC_GROUP_CREATED, AD_HOC_GROUP_PARTICIPANT_ADDED,
                AD_HOC_GROUP_PARTICIPANT_REMOVED);
        classify(ORGANISATION, REPRESENTATIVE_APPOINTED, REPRESENTATIVE_UPDATED, REPRESENTATIVE_REMOVED,
                REPRESENTATIVE_ERASED);
        classify(MEMBERS, MEETING_REQUEST_FILED, MEETING_REQUEST_SUPPORTED, MEETING_REQUEST_ACCEPTED,
                MEETING_REQUEST_WITHDRAWN);
        classify(PUBLIC, MEETING_REQUEST_DECLINED, MEETING_CONVENED, AGENDA_PUBLISHED, MEETING_RESCHEDULED,
                MEETING_CANCELLED, MEETING_HELD, SUMMARY_PUBLISHED, SUMMARY_OVERDUE, CADENCE_WARNING, DECISION_OPENED,
                DECISION_CLOSED);
        classify(PUBLIC, DOCUMENT_PUBLISHED, DOCUMENT_UPDATED, VERSION_PUBLISHED, WINDOW_OPENED, WINDOW_CLOSED,
                FEEDBACK_SUBMITTED, FEEDBACK_UPDATED, FEEDBACK_WITHDRAWN, DISPOSITIONS_PUBLISHED, EVIDENCE_SUBMITTED);
        classify(PUBLIC, VADEMECUM_PUBLISHED);
        // a paper's metadata reaches the public register only once its meeting is held: until then, as its readers
        classify(MEMBERS, PAPER_CIRCULATED);
        // a stakeholder's group participation carries its register id only, like its profile events
        classify(PUBLIC, AD_HOC_GROUP_STAKEHOLDER_ADDED, AD_HOC_GROUP_STAKEHOLDER_REMOVED);
    }

    private static void classify(Audience audience, EventType<?>... types) {
        for (EventType<?> type : types) {
            if (AUDIENCES.put(type, audience) != null) {
                throw new IllegalStateException(type.type() + " is classified twice");
            }
        }
    }

    /** The audience of a type, empty for a type this version has not classified (nobody receives it). */
    public static Optional<Audience> of(EventType<?> type) {
        return Optional.ofNullable(AUDIENCES.get(type));
    }

    /** The audience of a type by its name, empty for an unknown or unclassified one. */
    public static Optional<Audience> of(String type) {
        return EventTypes.byType(type).flatMap(EventAudiences::of);
    }

    /** Every classified type, in the order of the classification. */
    public static Map<EventType<?>, Audience> all() {
        return Map.copyOf(AUDIENCES);
    }

    /**
     * The organisation an ORGANISATION event concerns: its data's {@code organisationId} (every such payload has one);
     * empty when the data names none, and then only the AI Office receives it.
     */
    public static Optional<UUID> concernedOrganisation(String data) {
        try {
            JsonNode organisation = data == null ? null : JSON.readTree(data).get("organisationId");
            return organisation == null || !organisation.isTextual() ? Optional.empty()
                    : Optional.of(UUID.fromString(organisation.asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private EventAudiences() {
    }
}
