package eu.taskforce.contracts;

import eu.taskforce.contracts.guidance.*;
import eu.taskforce.contracts.meetings.*;
import eu.taskforce.contracts.membership.*;

import java.util.List;
import java.util.Optional;

/** Every event type of the Taskforce. Changes are additive; a breaking change is a new type version. */
public final class EventTypes {

    public static final EventType<SignatoryRegistered> SIGNATORY_REGISTERED = new EventType<>(
            CloudEvents.TYPE_PREFIX + "membership.signatory-registered.v1", Topics.MEMBERSHIP,
            SignatoryRegistered.class, "schemas/membership/signatory-registered.v1.json");

    public static final EventType<MembershipStarted> MEMBERSHIP_STARTED = new EventType<>(
            CloudEvents.TYPE_PREFIX + "membership.membership-started.v1", Topics.MEMBERSHIP,
            MembershipStarted.class, "schemas/membership/membership-started.v1.json");

    public static final EventType<MembershipEnded> MEMBERSHIP_ENDED = new EventType<>(
            CloudEvents.TYPE_PREFIX + "membership.membership-ended.v1", Topics.MEMBERSHIP,
            MembershipEnded.class, "schemas/membership/membership-ended.v1.json");

    public static final EventType<SignatoryUpdated> SIGNATORY_UPDATED = membership(
            "signatory-updated", SignatoryUpdated.class);

    public static final EventType<SignatureWithdrawn> SIGNATURE_WITHDRAWN = membership(
            "signature-withdrawn", SignatureWithdrawn.class);

    /** Version 2: the name travels as a commitment ({@link PersonalField}); v1 carried it in clear. */
    public static final EventType<RepresentativeProfile> REPRESENTATIVE_APPOINTED = membership(
            "representative-appointed", 2, RepresentativeProfile.class);

    public static final EventType<RepresentativeProfile> REPRESENTATIVE_UPDATED = membership(
            "representative-updated", 2, RepresentativeProfile.class);

    public static final EventType<RepresentativeRemoved> REPRESENTATIVE_REMOVED = membership(
            "representative-removed", RepresentativeRemoved.class);

    /** Version 2: a person's name and field of expertise travel as commitments; v1 carried them in clear. */
    public static final EventType<StakeholderProfile> STAKEHOLDER_REGISTERED = membership(
            "stakeholder-registered", 2, StakeholderProfile.class);

    public static final EventType<StakeholderProfile> STAKEHOLDER_UPDATED = membership(
            "stakeholder-updated", 2, StakeholderProfile.class);

    public static final EventType<StakeholderRemoved> STAKEHOLDER_REMOVED = membership(
            "stakeholder-removed", StakeholderRemoved.class);

    public static final EventType<RepresentativeErased> REPRESENTATIVE_ERASED = membership(
            "representative-erased", RepresentativeErased.class);

    public static final EventType<StakeholderErased> STAKEHOLDER_ERASED = membership(
            "stakeholder-erased", StakeholderErased.class);

    public static final EventType<PersonalDataWithdrawn> PERSONAL_DATA_WITHDRAWN = membership(
            "personal-data-withdrawn", PersonalDataWithdrawn.class);

    public static final EventType<AdHocGroupCreated> AD_HOC_GROUP_CREATED = membership(
            "ad-hoc-group-created", AdHocGroupCreated.class);

    public static final EventType<AdHocGroupParticipation> AD_HOC_GROUP_PARTICIPANT_ADDED = membership(
            "ad-hoc-group-participant-added", AdHocGroupParticipation.class);

    public static final EventType<AdHocGroupParticipation> AD_HOC_GROUP_PARTICIPANT_REMOVED = membership(
            "ad-hoc-group-participant-removed", AdHocGroupParticipation.class);

    public static final EventType<AdHocGroupStakeholderParticipation> AD_HOC_GROUP_STAKEHOLDER_ADDED = membership(
            "ad-hoc-group-stakeholder-added", AdHocGroupStakeholderParticipation.class);

    public static final EventType<AdHocGroupStakeholderParticipation> AD_HOC_GROUP_STAKEHOLDER_REMOVED = membership(
            "ad-hoc-group-stakeholder-removed", AdHocGroupStakeholderParticipation.class);

    public static final EventType<MeetingRequestFiled> MEETING_REQUEST_FILED = meetings(
            "meeting-request-filed", MeetingRequestFiled.class);

    public static final EventType<MeetingRequestSupported> MEETING_REQUEST_SUPPORTED = meetings(
            "meeting-request-supported", MeetingRequestSupported.class);

    public static final EventType<MeetingRequestAccepted> MEETING_REQUEST_ACCEPTED = meetings(
            "meeting-request-accepted", MeetingRequestAccepted.class);

    public static final EventType<MeetingRequestDeclined> MEETING_REQUEST_DECLINED = meetings(
            "meeting-request-declined", MeetingRequestDeclined.class);

    public static final EventType<MeetingRequestWithdrawn> MEETING_REQUEST_WITHDRAWN = meetings(
            "meeting-request-withdrawn", MeetingRequestWithdrawn.class);

    public static final EventType<MeetingConvened> MEETING_CONVENED = meetings(
            "meeting-convened", MeetingConvened.class);

    public static final EventType<AgendaPublished> AGENDA_PUBLISHED = meetings(
            "agenda-published", AgendaPublished.class);

    public static final EventType<MeetingRescheduled> MEETING_RESCHEDULED = meetings(
            "meeting-rescheduled", MeetingRescheduled.class);

    public static final EventType<MeetingCancelled> MEETING_CANCELLED = meetings(
            "meeting-cancelled", MeetingCancelled.class);

    public static final EventType<MeetingHeld> MEETING_HELD = meetings(
            "meeting-held", MeetingHeld.class);

    public static final EventType<SummaryPublished> SUMMARY_PUBLISHED = meetings(
            "summary-published", SummaryPublished.class);

    public static final EventType<SummaryOverdue> SUMMARY_OVERDUE = meetings(
            "summary-overdue", SummaryOverdue.class);

    public static final EventType<CadenceWarning> CADENCE_WARNING = meetings(
            "cadence-warning", CadenceWarning.class);

    /** Version 1, no longer produced: read from old records of the topic (no quorum, no subject). */
    public static final EventType<DecisionOpened> DECISION_OPENED_V1 = meetings(
            "decision-opened", DecisionOpened.class);

    /** Version 1, no longer produced: read from old records of the topic (no quorum, never NO_QUORUM). */
    public static final EventType<DecisionClosed> DECISION_CLOSED_V1 = meetings(
            "decision-closed", DecisionClosed.class);

    /** Version 2: the quorum and what the decision is about; v1 had neither. */
    public static final EventType<DecisionOpened> DECISION_OPENED = meetings(
            "decision-opened", 2, DecisionOpened.class);

    /** Version 2: the quorum, the organisations that could vote, and the result NO_QUORUM, which v1 did not know. */
    public static final EventType<DecisionClosed> DECISION_CLOSED = meetings(
            "decision-closed", 2, DecisionClosed.class);

    public static final EventType<DocumentProfile> DOCUMENT_PUBLISHED = guidance(
            "document-published", DocumentProfile.class);

    public static final EventType<DocumentProfile> DOCUMENT_UPDATED = guidance(
            "document-updated", DocumentProfile.class);

    public static final EventType<VersionPublished> VERSION_PUBLISHED = guidance(
            "version-published", VersionPublished.class);

    public static final EventType<WindowOpened> WINDOW_OPENED = guidance(
            "window-opened", WindowOpened.class);

    public static final EventType<WindowClosed> WINDOW_CLOSED = guidance(
            "window-closed", WindowClosed.class);

    public static final EventType<FeedbackNotice> FEEDBACK_SUBMITTED = guidance(
            "feedback-submitted", FeedbackNotice.class);

    public static final EventType<FeedbackNotice> FEEDBACK_UPDATED = guidance(
            "feedback-updated", FeedbackNotice.class);

    public static final EventType<FeedbackNotice> FEEDBACK_WITHDRAWN = guidance(
            "feedback-withdrawn", FeedbackNotice.class);

    public static final EventType<DispositionsPublished> DISPOSITIONS_PUBLISHED = guidance(
            "dispositions-published", DispositionsPublished.class);

    public static final EventType<EvidenceSubmitted> EVIDENCE_SUBMITTED = guidance(
            "evidence-submitted", EvidenceSubmitted.class);

    public static final EventType<PaperCirculated> PAPER_CIRCULATED = meetings(
            "paper-circulated", PaperCirculated.class);

    /** An edition of the Taskforce Vademecum, frozen with the participants of its publication day. */
    public static final EventType<VademecumPublished> VADEMECUM_PUBLISHED = membership(
            "vademecum-published", VademecumPublished.class);

    public static final List<EventType<?>> ALL = List.of(SIGNATORY_REGISTERED, SIGNATORY_UPDATED, SIGNATURE_WITHDRAWN,
            MEMBERSHIP_STARTED, MEMBERSHIP_ENDED, REPRESENTATIVE_APPOINTED, REPRESENTATIVE_UPDATED,
            REPRESENTATIVE_REMOVED, STAKEHOLDER_REGISTERED, STAKEHOLDER_UPDATED, STAKEHOLDER_REMOVED,
            REPRESENTATIVE_ERASED, STAKEHOLDER_ERASED, PERSONAL_DATA_WITHDRAWN,
            AD_HOC_GROUP_CREATED, AD_HOC_GROUP_PARTICIPANT_ADDED, AD_HOC_GROUP_PARTICIPANT_REMOVED,
            MEETING_REQUEST_FILED, MEETING_REQUEST_SUPPORTED, MEETING_REQUEST_ACCEPTED, MEETING_REQUEST_DECLINED,
            MEETING_REQUEST_WITHDRAWN, MEETING_CONVENED, AGENDA_PUBLISHED, MEETING_RESCHEDULED, MEETING_CANCELLED,
            MEETING_HELD, SUMMARY_PUBLISHED, SUMMARY_OVERDUE, CADENCE_WARNING, DECISION_OPENED, DECISION_CLOSED,
            DOCUMENT_PUBLISHED, DOCUMENT_UPDATED, VERSION_PUBLISHED, WINDOW_OPENED, WINDOW_CLOSED, FEEDBACK_SUBMITTED,
            FEEDBACK_UPDATED, FEEDBACK_WITHDRAWN, DISPOSITIONS_PUBLISHED, EVIDENCE_SUBMITTED,
            PAPER_CIRCULATED, VADEMECUM_PUBLISHED,
            AD_HOC_GROUP_STAKEHOLDER_ADDED, AD_HOC_GROUP_STAKEHOLDER_REMOVED);

    /**
     * Earlier versions that no producer writes any more but that the topics, kept forever, still hold; their payload
     * records are those of the current version, whose added fields they leave null.
     */
    public static final List<EventType<?>> SUPERSEDED = List.of(DECISION_OPENED_V1, DECISION_CLOSED_V1);

    /** The type named {@code type}: a current one, or a superseded one still read from old records. */
    public static Optional<EventType<?>> byType(String type) {
        return java.util.stream.Stream.concat(ALL.stream(), SUPERSEDED.stream())
                .filter(t -> t.type().equals(type)).findFirst();
    }

    /**
     * A membership event type named {@code eu.taskforce.membership.<name>.v1}. Several types may share a payload
     * record (appointed and updated carry the same profile); the schema is named after the record.
     */
    private static <T> EventType<T> membership(String name, Class<T> payload) {
        return membership(name, 1, payload);
    }

    /** A membership event type of a later version: {@code eu.taskforce.membership.<name>.v<version>}. */
    private static <T> EventType<T> membership(String name, int version, Class<T> payload) {
        return of("membership", Topics.MEMBERSHIP, name, version, payload);
    }

    /** A meetings event type named {@code eu.taskforce.meetings.<name>.v1}, on {@link Topics#MEETINGS}. */
    private static <T> EventType<T> meetings(String name, Class<T> payload) {
        return meetings(name, 1, payload);
    }

    /** A meetings event type of a later version: {@code eu.taskforce.meetings.<name>.v<version>}. */
    private static <T> EventType<T> meetings(String name, int version, Class<T> payload) {
        return of("meetings", Topics.MEETINGS, name, version, payload);
    }

    /**
     * A guidance event type named {@code eu.taskforce.guidance.<name>.v1}, on {@link Topics#GUIDANCE}. Several types
     * may share a payload record (submitted, updated and withdrawn feedback carry the same notice).
     */
    private static <T> EventType<T> guidance(String name, Class<T> payload) {
        return of("guidance", Topics.GUIDANCE, name, 1, payload);
    }

    private static <T> EventType<T> of(String context, String topic, String name, int version, Class<T> payload) {
        String schema = payload.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        return new EventType<>(CloudEvents.TYPE_PREFIX + context + "." + name + ".v" + version, topic, payload,
                "schemas/" + context + "/" + schema + ".v" + version + ".json");
    }

    private EventTypes() {
    }
}
