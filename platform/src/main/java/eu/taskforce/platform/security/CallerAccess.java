package eu.taskforce.platform.security;

import eu.taskforce.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * The shape of each service's per-request permission bean ({@code service/Access}, {@code @RequestScoped}, extending
 * this): who the caller is in the Taskforce's terms (the AI Office, a representative of a member organisation, a
 * stakeholder) and the checks every service shares. A service adds its own rules in its subclass; its services ask
 * that bean, never the token, so each object-level rule has one place.
 */
public abstract class CallerAccess {

    protected final Caller caller;

    protected CallerAccess(Caller caller) {
        this.caller = caller;
    }

    /** For the client proxy of the request-scoped subclass only (Quarkus gives the subclass a no-args constructor). */
    protected CallerAccess() {
        this.caller = null;
    }

    public boolean isAiOffice() {
        return caller.isAiOffice();
    }

    /** A representative of a member organisation: role member and a token naming a valid organisation id. */
    public boolean isMember() {
        return organisation().isPresent();
    }

    public boolean isStakeholder() {
        return caller.isStakeholder();
    }

    /** The organisation a member represents; empty for everyone else (an {@code org} claim without the role too). */
    public Optional<UUID> organisation() {
        return caller.isMember() ? caller.organisation() : Optional.empty();
    }

    /**
     * The entry of the stakeholder register a stakeholder's account is linked to (its token's {@code stakeholder}
     * claim, ADR 0011); empty for everyone else and for a stakeholder's account that is not linked.
     */
    public Optional<UUID> linkedStakeholder() {
        return caller.isStakeholder() ? caller.stakeholder() : Optional.empty();
    }

    /** True when the caller is a member acting for {@code organisationId}. */
    public boolean represents(UUID organisationId) {
        return organisationId != null && organisation().map(organisationId::equals).orElse(false);
    }

    /** The token's subject, or "anonymous". */
    public String subject() {
        return caller.subject();
    }

    /** The caller as the author of a change. */
    public Actor actor() {
        return caller.actor();
    }

    public void requireAiOffice() {
        if (!isAiOffice()) {
            throw ProblemException.forbidden("Only the AI Office may do this");
        }
    }

    /** The organisation of a member; a 403 for anyone who does not represent one. */
    public UUID requireOrganisation() {
        return organisation().orElseThrow(() ->
                ProblemException.forbidden("Only a representative of a member organisation may do this"));
    }

    /** Lets the AI Office act on any organisation and a member on its own; refuses everyone else with a 403. */
    public void requireAiOfficeOrRepresentative(UUID organisationId) {
        if (!isAiOffice() && !represents(organisationId)) {
            throw ProblemException.forbidden("You may act only for your own organisation");
        }
    }
}
