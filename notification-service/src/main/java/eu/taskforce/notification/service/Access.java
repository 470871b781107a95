package eu.taskforce.notification.service;

import eu.taskforce.notification.domain.OwnerRole;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.CallerAccess;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller as notification-service sees it: the AI Office, a representative of a member organisation (role member
 * and the token's {@code org} claim) or a stakeholder, with the checks every service shares ({@link CallerAccess}).
 */
@RequestScoped
public class Access extends CallerAccess {

    public Access(Caller caller) {
        super(caller);
    }

    /** The standing a subscription made now would have; a 403 for an account with none of the three roles. */
    public OwnerRole ownerRole() {
        if (isAiOffice()) {
            return OwnerRole.AI_OFFICE;
        }
        if (isMember()) {
            return OwnerRole.MEMBER;
        }
        if (isStakeholder()) {
            return OwnerRole.STAKEHOLDER;
        }
        throw ProblemException.forbidden("Webhooks are for the AI Office, representatives of member organisations and"
                + " stakeholders");
    }

    /** The account name of the caller (preferred_username). */
    public String username() {
        return caller.username();
    }
}
