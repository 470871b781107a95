package eu.taskforce.notification.service;

import eu.taskforce.notification.domain.OwnerRole;
import eu.taskforce.platform.membership.MemberOrganisation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * What a subscription's owner may read now, from the standing it subscribed with and the membership replica: asked when
 * it subscribes and again before every delivery. The AI Office reads everything; anyone signed in reads PUBLIC types; a
 * representative of a current member organisation also MEMBERS types and its own organisation's ORGANISATION events.
 */
@ApplicationScoped
public class Standing {

    /** Whether an owner of this standing may receive events of this audience at all (what it may subscribe to). */
    public boolean maySubscribe(OwnerRole role, UUID organisation, Audience audience) {
        return switch (role) {
            case AI_OFFICE -> true;
            case STAKEHOLDER -> audience == Audience.PUBLIC;
            case MEMBER -> audience == Audience.PUBLIC || isCurrentMember(organisation);
        };
    }

    /**
     * Whether an owner of this standing may read this event now.
     *
     * @param concerned the organisation an ORGANISATION event concerns (empty: only the AI Office reads it)
     */
    public boolean mayRead(OwnerRole role, UUID organisation, Audience audience, Optional<UUID> concerned) {
        if (role == OwnerRole.AI_OFFICE || audience == Audience.PUBLIC) {
            return true;
        }
        if (role != OwnerRole.MEMBER || !isCurrentMember(organisation)) {
            return false;
        }
        return audience == Audience.MEMBERS || concerned.map(organisation::equals).orElse(false);
    }

    /** A member's subscription with member-only types, whose organisation is no longer a current member. */
    public boolean lostMembership(OwnerRole role, UUID organisation) {
        return role == OwnerRole.MEMBER && !isCurrentMember(organisation);
    }

    private static boolean isCurrentMember(UUID organisation) {
        return organisation != null && MemberOrganisation.currentMember(organisation).isPresent();
    }
}
