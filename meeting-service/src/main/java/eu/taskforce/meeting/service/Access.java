package eu.taskforce.meeting.service;

import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.CallerAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller as a participant of the Taskforce: the AI Office, a representative of a member organisation (the
 * token's {@code org} claim), or an individual stakeholder or expert (the account it signs in with), with the checks
 * every service shares ({@link CallerAccess}). Every object-level check of this service goes through here.
 */
@RequestScoped
public class Access extends CallerAccess {

    private final SecurityIdentity identity;

    public Access(Caller caller, SecurityIdentity identity) {
        super(caller);
        this.identity = identity;
    }

    /**
     * The account name the caller signs in with, as the security identity names it (the principal), or null when
     * anonymous: an invitation of an individual names that account.
     */
    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** The AI Office or a representative of a member organisation: everyone of the Taskforce but guests. */
    public void requireAiOfficeOrMember() {
        if (!isAiOffice() && !isMember()) {
            throw ProblemException.forbidden("Only the AI Office and representatives of member organisations may do this");
        }
    }
}
