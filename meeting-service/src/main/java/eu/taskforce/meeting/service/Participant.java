package eu.taskforce.meeting.service;

import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller as a participant of the Taskforce: the AI Office, a representative of a member organisation (the
 * token's {@code org} claim), or an individual stakeholder or expert (the account it signs in with). Every object-level
 * check of this service goes through here.
 */
@RequestScoped
public class Participant {

    private final Caller caller;
    private final SecurityIdentity identity;

    public Participant(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    public boolean isAiOffice() {
        return caller.isAiOffice();
    }

    public boolean isMember() {
        return caller.isMember() && caller.organisation().isPresent();
    }

    public boolean isStakeholder() {
        return caller.isStakeholder();
    }

    /** The organisation a member represents; empty for anyone else. */
    public Optional<UUID> organisation() {
        return caller.isMember() ? caller.organisation() : Optional.empty();
    }

    /** The account name the caller signs in with (the token's preferred_username), or null when anonymous. */
    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public Actor actor() {
        return caller.actor();
    }

    public String subject() {
        return caller.subject();
    }

    /** The organisation of a member; a 403 for anyone who does not represent one. */
    public UUID requireOrganisation() {
        return organisation().orElseThrow(() ->
                ProblemException.forbidden("Only a representative of a member organisation may do this"));
    }

    /** True when the caller represents {@code organisationId}. */
    public boolean represents(UUID organisationId) {
        return organisationId != null && organisation().map(organisationId::equals).orElse(false);
    }

    public void requireAiOffice() {
        if (!isAiOffice()) {
            throw ProblemException.forbidden("Only the AI Office may do this");
        }
    }

    /** The AI Office or a representative of a member organisation: everyone of the Taskforce but guests. */
    public void requireAiOfficeOrMember() {
        if (!isAiOffice() && !isMember()) {
            throw ProblemException.forbidden("Only the AI Office and representatives of member organisations may do this");
        }
    }
}
