package eu.taskforce.contracts;

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

    public static final EventType<RepresentativeProfile> REPRESENTATIVE_APPOINTED = membership(
            "representative-appointed", RepresentativeProfile.class);

    public static final EventType<RepresentativeProfile> REPRESENTATIVE_UPDATED = membership(
            "representative-updated", RepresentativeProfile.class);

    public static final EventType<RepresentativeRemoved> REPRESENTATIVE_REMOVED = membership(
            "representative-removed", RepresentativeRemoved.class);

    public static final EventType<StakeholderProfile> STAKEHOLDER_REGISTERED = membership(
            "stakeholder-registered", StakeholderProfile.class);

    public static final EventType<StakeholderProfile> STAKEHOLDER_UPDATED = membership(
            "stakeholder-updated", StakeholderProfile.class);

    public static final EventType<StakeholderRemoved> STAKEHOLDER_REMOVED = membership(
            "stakeholder-removed", StakeholderRemoved.class);

    public static final EventType<AdHocGroupCreated> AD_HOC_GROUP_CREATED = membership(
            "ad-hoc-group-created", AdHocGroupCreated.class);

    public static final EventType<AdHocGroupParticipation> AD_HOC_GROUP_PARTICIPANT_ADDED = membership(
            "ad-hoc-group-participant-added", AdHocGroupParticipation.class);

    public static final EventType<AdHocGroupParticipation> AD_HOC_GROUP_PARTICIPANT_REMOVED = membership(
            "ad-hoc-group-participant-removed", AdHocGroupParticipation.class);

    public static final List<EventType<?>> ALL = List.of(SIGNATORY_REGISTERED, SIGNATORY_UPDATED, SIGNATURE_WITHDRAWN,
            MEMBERSHIP_STARTED, MEMBERSHIP_ENDED, REPRESENTATIVE_APPOINTED, REPRESENTATIVE_UPDATED,
            REPRESENTATIVE_REMOVED, STAKEHOLDER_REGISTERED, STAKEHOLDER_UPDATED, STAKEHOLDER_REMOVED,
            AD_HOC_GROUP_CREATED, AD_HOC_GROUP_PARTICIPANT_ADDED, AD_HOC_GROUP_PARTICIPANT_REMOVED);

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /**
     * A membership event type named {@code eu.taskforce.membership.<name>.v1}. Several types may share a payload
     * record (appointed and updated carry the same profile); the schema is named after the record.
     */
    private static <T> EventType<T> membership(String name, Class<T> payload) {
        String schema = payload.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        return new EventType<>(CloudEvents.TYPE_PREFIX + "membership." + name + ".v1", Topics.MEMBERSHIP, payload,
                "schemas/membership/" + schema + ".v1.json");
    }

    private EventTypes() {
    }
}
