package eu.taskforce.membership.service;

import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.CallerAccess;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller as membership-service sees it: the AI Office, a representative of a member organisation, or a
 * stakeholder, with the checks every service shares ({@link CallerAccess}). The object-level rules of this service ask
 * here.
 */
@RequestScoped
public class Access extends CallerAccess {

    public Access(Caller caller) {
        super(caller);
    }

    /** True when the caller is logged in with {@code username}: a representative acting on its own appointment. */
    public boolean isAccount(String username) {
        return caller.isAccount(username);
    }
}
