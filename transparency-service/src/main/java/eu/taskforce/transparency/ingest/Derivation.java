package eu.taskforce.transparency.ingest;

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
import eu.taskforce.contracts.membership.AdHocGroupStakeholderParticipation;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.contracts.membership.VademecumPublished;
import eu.taskforce.platform.inbox.IncomingEvent;
import eu.taskforce.transparency.domain.AggregateType;
import eu.taskforce.transparency.domain.RegisterEntry;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns an event into its public register entry. The payload is read into its contract record and written again, so
 * that fields the contract does not know (whatever a producer added by mistake) never reach the register; fields the
 * contract keeps private unless consented (a stakeholder's name without consent) are dropped here. A person's name or
 * field of expertise is only ever a commitment ({@link PersonalField}): the entry holds {commitment, ref}, never a value,
 * so that the log, which cannot forget, holds no personal data, and a rebuild derives the same entry after an erasure.
 */
public final class Derivation {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of the profiles that carry a {@link PersonalField}. */
    public static final List<String> PERSONAL_FIELDS = List.of("publicName", "publicFieldOfExpertise");
    public static final Pattern COMMITMENT = Pattern.compile("sha256:[0-9a-f]{64}");

    /** A commitment that an entry carries, with the person and the field it is the value of. */
    public record Personal(String field, String commitment, UUID ref) {
    }

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
            personal(payload, data);
            guidance(payload, data);
            return data;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("Event payload cannot be read back: " + e.getMessage(), e);
        }
    }

    /**
     * People: without consent only the fact that a stakeholder is not listed is public; a person's values are
     * commitments only (a clear name a producer put in {@code name} anyway is dropped); a commitment must have its form
     * and belong to the person it is about, or the event is refused (dead-letter topic) rather than logged for ever.
     */
    private static void personal(Object payload, ObjectNode data) {
        if (payload instanceof StakeholderProfile profile) {
            if (!profile.listedPublicly()) {
                data.retain("stakeholderId", "listedPublicly");
                return;
            }
            if (profile.kind() == StakeholderProfile.Kind.ORGANISATION) {
                data.putNull("publicName"); // an organisation's name is not personal data and travels in clear
                data.putNull("publicFieldOfExpertise");
            } else {
                data.putNull("name");
                data.putNull("fieldOfExpertise");
                check(profile.publicName(), profile.stakeholderId());
                check(profile.publicFieldOfExpertise(), profile.stakeholderId());
            }
        } else if (payload instanceof RepresentativeProfile profile) {
            check(profile.publicName(), profile.representativeId());
        } else if (payload instanceof PersonalDataWithdrawn withdrawn) {
            if (withdrawn.subject() == null || withdrawn.reason() == null || withdrawn.ref() == null) {
                throw new IllegalArgumentException("personal-data-withdrawn lacks its subject, ref or reason");
            }
            withdrawn.commitments().forEach(Derivation::checkForm);
        } else if (payload instanceof eu.taskforce.contracts.membership.RepresentativeErased erased) {
            erased.commitments().forEach(Derivation::checkForm);
        } else if (payload instanceof StakeholderErased erased) {
            erased.commitments().forEach(Derivation::checkForm);
        } else if (payload instanceof VademecumPublished edition) {
            // a representative of a frozen edition: the commitment already published with consent, never a value
            if (edition.sections() == null || edition.participants() == null || edition.publishedOn() == null) {
                throw new IllegalArgumentException("vademecum-published lacks its sections, participants or day");
            }
            edition.participants().forEach(p -> (p.representatives() == null
                    ? List.<VademecumPublished.Representative>of() : p.representatives())
                    .forEach(r -> check(r.publicName(), r.representativeId())));
        }
    }

    private static void check(PersonalField field, UUID person) {
        if (field != null) {
            checkForm(field.commitment());
            if (!person.equals(field.ref())) {
                throw new IllegalArgumentException("A personal field's ref is not the person the event is about");
            }
        }
    }

    private static void checkForm(String commitment) {
        if (commitment == null || !COMMITMENT.matcher(commitment).matches()) {
            throw new IllegalArgumentException("A commitment is not of the form sha256:<64 hex digits>");
        }
    }

    /** The commitments an entry carries (a profile's personal fields), to be resolved to their openings. */
    public static List<Personal> personalFields(RegisterEntry entry) {
        List<Personal> fields = new ArrayList<>();
        for (String field : PERSONAL_FIELDS) {
            if (entry.data().get(field) instanceof ObjectNode value && value.hasNonNull("commitment")
                    && value.hasNonNull("ref")) {
                fields.add(new Personal(field, value.get("commitment").asText(),
                        UUID.fromString(value.get("ref").asText())));
            }
        }
        return fields;
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
        if (payload instanceof StakeholderProfile || payload instanceof StakeholderRemoved
                || payload instanceof StakeholderErased) {
            return AggregateType.STAKEHOLDER;
        }
        if (payload instanceof PersonalDataWithdrawn withdrawn) {
            // keyed as the person's profile events, so that it stays in order with them
            return withdrawn.subject() == PersonalDataWithdrawn.Subject.STAKEHOLDER
                    ? AggregateType.STAKEHOLDER : AggregateType.ORGANISATION;
        }
        if (payload instanceof AdHocGroupCreated || payload instanceof AdHocGroupParticipation
                || payload instanceof AdHocGroupStakeholderParticipation) {
            return AggregateType.AD_HOC_GROUP;
        }
        if (payload instanceof VademecumPublished) {
            return AggregateType.VADEMECUM_EDITION;
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
        if (payload instanceof PersonalDataWithdrawn withdrawn) {
            UUID id = withdrawn.subject() == PersonalDataWithdrawn.Subject.STAKEHOLDER ? withdrawn.ref()
                    : withdrawn.organisationId();
            if (id == null || withdrawn.commitments() == null || withdrawn.reason() == null) {
                throw new IllegalArgumentException("personal-data-withdrawn lacks its person, organisation or reason");
            }
            return id;
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
            case VADEMECUM_EDITION -> "editionId";
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
