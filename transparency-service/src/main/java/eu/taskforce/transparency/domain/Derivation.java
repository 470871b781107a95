package eu.taskforce.transparency.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.FeedbackNotice;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.MeetingRequestAccepted;
import eu.taskforce.contracts.meetings.MeetingRequestDeclined;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.meetings.MeetingRequestSupported;
import eu.taskforce.contracts.meetings.MeetingRequestWithdrawn;
import eu.taskforce.contracts.membership.AdHocGroupCreated;
import eu.taskforce.contracts.membership.AdHocGroupParticipation;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.platform.inbox.IncomingEvent;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an event into its public register entry. The payload is read into its contract record and written again, so
 * that fields the contract does not know (whatever a producer added by mistake) never reach the register; fields the
 * contract keeps private unless consented (a stakeholder's name without consent) are dropped here.
 */
public final class Derivation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The entry of {@code event}, or empty for a type the register does not know (a newer version's, or a topic it
     * does not show yet). A payload that does not fit its type is an {@link IllegalArgumentException}.
     *
     * @param recordTime the Kafka record's timestamp, used when the event carries no time
     */
    public static Optional<RegisterEntry> derive(IncomingEvent event, String contractTopic, Instant recordTime) {
        Optional<EventType<?>> known = EventTypes.byType(event.type());
        if (known.isEmpty() || !known.get().topic().equals(contractTopic)) {
            return Optional.empty();
        }
        EventType<?> type = known.get();
        Object payload = event.data(type.payloadClass());
        ObjectNode data = publicData(payload);
        Instant time = (event.time() != null ? event.time().toInstant() : recordTime).truncatedTo(ChronoUnit.MICROS);
        return Optional.of(new RegisterEntry(event.id(), type, type.topic(), aggregateType(payload),
                aggregateId(payload), time, data));
    }

    static ObjectNode publicData(Object payload) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(EventJson.write(payload));
            sortSets(payload, data);
            if (payload instanceof StakeholderProfile profile && !profile.listedPublicly()) {
                // without consent only the fact that the stakeholder is not listed is public
                data.retain("stakeholderId", "listedPublicly");
            }
            guidance(payload, data);
            return data;
        } catch (Exception e) {
            throw new IllegalArgumentException("Event payload cannot be read back: " + e.getMessage(), e);
        }
    }

    /**
     * Feedback: a CONFIDENTIAL notice is only a change of the window's counts (and the id of an item that was PUBLIC
     * before, so that it can be dropped); an ANONYMOUS item or submission names no organisation (a notice names none at
     * all, its contract has no field for one). The producer should send no more than that already; this holds even
     * when it does not.
     */
    private static void guidance(Object payload, ObjectNode data) {
        if (payload instanceof FeedbackNotice notice) {
            if (notice.visibility() != Visibility.PUBLIC) {
                data.retain("windowId", "documentId", "documentTitle", "versionNumber", "feedbackId", "visibility",
                        "publicItems", "confidentialItems", "occurredAt");
            }
        } else if (payload instanceof EvidenceSubmitted evidence && evidence.attribution() != Attribution.ATTRIBUTED) {
            anonymous(data);
        } else if (payload instanceof DispositionsPublished published) {
            for (int i = 0; i < published.items().size(); i++) {
                if (published.items().get(i).attribution() != Attribution.ATTRIBUTED) {
                    anonymous((ObjectNode) data.get("items").get(i));
                }
            }
        }
    }

    private static void anonymous(ObjectNode item) {
        item.putNull("organisationId");
        item.putNull("organisationName");
    }

    /**
     * A set (the chapters signed) is written in the iteration order of whatever set the JVM built, which differs from
     * one run to the next: sorted, the entry derived again during a rebuild is the same entry.
     */
    private static void sortSets(Object payload, ObjectNode data) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (java.util.Set.class.isAssignableFrom(component.getType())
                    && data.get(component.getName()) instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                java.util.List<com.fasterxml.jackson.databind.JsonNode> items = new java.util.ArrayList<>();
                array.forEach(items::add);
                items.sort(java.util.Comparator.comparing(com.fasterxml.jackson.databind.JsonNode::asText));
                array.removeAll();
                array.addAll(items);
            }
        }
    }

    static AggregateType aggregateType(Object payload) {
        String context = payload.getClass().getPackageName();
        if (payload instanceof StakeholderProfile || payload instanceof StakeholderRemoved) {
            return AggregateType.STAKEHOLDER;
        }
        if (payload instanceof AdHocGroupCreated || payload instanceof AdHocGroupParticipation) {
            return AggregateType.AD_HOC_GROUP;
        }
        if (context.endsWith(".membership")) {
            return AggregateType.ORGANISATION;
        }
        if (payload instanceof MeetingRequestFiled || payload instanceof MeetingRequestSupported
                || payload instanceof MeetingRequestAccepted || payload instanceof MeetingRequestDeclined
                || payload instanceof MeetingRequestWithdrawn) {
            return AggregateType.MEETING_REQUEST;
        }
        if (payload instanceof DecisionOpened || payload instanceof DecisionClosed) {
            return AggregateType.DECISION;
        }
        if (payload instanceof CadenceWarning) {
            return AggregateType.CADENCE;
        }
        if (payload instanceof DocumentProfile || payload instanceof VersionPublished) {
            return AggregateType.GUIDANCE_DOCUMENT;
        }
        if (payload instanceof EvidenceSubmitted) {
            return AggregateType.EVIDENCE;
        }
        if (context.endsWith(".guidance")) {
            return AggregateType.INPUT_WINDOW; // windows, feedback notices and dispositions: keyed by the window
        }
        return AggregateType.MEETING;
    }

    /** The aggregate's id: the payload's first id field, by the contracts' convention (the Kafka key). */
    static UUID aggregateId(Object payload) {
        if (payload instanceof CadenceWarning) {
            return CadenceWarning.SUBJECT;
        }
        String name = switch (aggregateType(payload)) {
            case ORGANISATION -> payload.getClass().getSimpleName().startsWith("Representative")
                    ? "organisationId" : "signatoryId";
            case STAKEHOLDER -> "stakeholderId";
            case AD_HOC_GROUP -> "groupId";
            case MEETING -> "meetingId";
            case MEETING_REQUEST -> "requestId";
            case DECISION -> "decisionId";
            case GUIDANCE_DOCUMENT -> "documentId";
            case INPUT_WINDOW -> "windowId";
            case EVIDENCE -> "evidenceId";
            case CADENCE -> throw new IllegalStateException();
        };
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Object id = component.getAccessor().invoke(payload);
                    if (id == null) {
                        throw new IllegalArgumentException("Event payload lacks its aggregate id " + name);
                    }
                    return (UUID) id;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(payload.getClass().getSimpleName() + " has no field " + name);
    }

    private Derivation() {
    }
}
