package eu.taskforce.guidance.service;

import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.membership.RegisteredStakeholder;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.security.CallerAccess;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller as guidance-service sees it: the AI Office, a representative of a member organisation (role member and
 * the token's {@code org} claim), or a stakeholder, with the checks every service shares ({@link CallerAccess}). The
 * object-level rules of this service ask here.
 */
@RequestScoped
public class Access extends CallerAccess {

    public Access(Caller caller) {
        super(caller);
    }

    /**
     * Who may know a CONFIDENTIAL item: its text, and also where it is (its section) and how it was answered. The AI
     * Office and the organisation that gave it; nobody else, whatever the role.
     */
    public boolean knowsConfidential(UUID organisationId) {
        return isAiOffice() || represents(organisationId);
    }

    /** The AI Office and members read feedback; stakeholders do not (it is the member organisations' input). */
    public void requireAiOfficeOrMember() {
        if (!isAiOffice() && !isMember()) {
            throw ProblemException.forbidden("Feedback is read by the AI Office and representatives of member organisations");
        }
    }

    /**
     * The organisation of a representative of a current member (per this service's membership replica): only current
     * members give input. A 403 for anyone else.
     */
    public MemberOrganisation requireCurrentMember() {
        UUID organisation = organisation().orElseThrow(() ->
                ProblemException.forbidden("Only a representative of a member organisation may give feedback"));
        return MemberOrganisation.currentMember(organisation).orElseThrow(() -> ProblemException.forbidden(
                "Your organisation is not a current member of the Taskforce, so it cannot give input"));
    }

    /** In which capacity the caller submits evidence: the AI Office first, then member, then stakeholder. */
    public SubmitterRole submitterRole() {
        if (isAiOffice()) {
            return SubmitterRole.AI_OFFICE;
        }
        if (isMember()) {
            return SubmitterRole.MEMBER;
        }
        if (isStakeholder()) {
            return SubmitterRole.STAKEHOLDER;
        }
        throw ProblemException.forbidden("Evidence is submitted by the AI Office, members and stakeholders");
    }

    /**
     * The stakeholder of the register a stakeholder submits as: the entry its account is linked to (ADR 0011), which
     * must be on the register now (per this service's membership replica): a 403 for an account linked to a removed or
     * unknown entry. Empty for an account that is not linked.
     */
    public Optional<UUID> submittingStakeholder() {
        Optional<UUID> linked = linkedStakeholder();
        if (linked.isPresent() && !RegisteredStakeholder.isOnRegister(linked.get())) {
            throw ProblemException.forbidden("Your account is linked to an entry of the stakeholder register that is"
                    + " not on it (removed, or not known here yet)");
        }
        return linked;
    }
}
