package eu.taskforce.contracts;

import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;

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

    public static final List<EventType<?>> ALL = List.of(SIGNATORY_REGISTERED, MEMBERSHIP_STARTED, MEMBERSHIP_ENDED);

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private EventTypes() {
    }
}
