package eu.taskforce.guidance.service;

import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller as guidance-service sees it: the AI Office, a representative of a member organisation (role member and
 * the token's {@code org} claim), or a stakeholder. The object-level rules of this service ask here.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public boolean isAiOffice() {
        return caller.isAiOffice();
    }

    /** The organisation of a member (role member with an org claim); empty for everyone else. */
    public Optional<UUID> organisation() {
        return caller.isMember() ? caller.organisation() : Optional.empty();
    }

    public boolean represents(UUID organisationId) {
        return organisationId != null && organisation().map(organisationId::equals).orElse(false);
    }

    /**
     * Who may know a CONFIDENTIAL item: its text, and also where it is (its section) and how it was answered. The AI
     * Office and the organisation that gave it; nobody else, whatever the role.
     */
    public boolean knowsConfidential(UUID organisationId) {
        return isAiOffice() || represents(organisationId);
    }

    public String subject() {
        return caller.subject();
    }

    public Actor actor() {
        return caller.actor();
    }

    /** The AI Office and members read feedback; stakeholders do not (it is the member organisations' input). */
    public void requireAiOfficeOrMember() {
        if (!isAiOffice() && organisation().isEmpty()) {
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
        if (organisation().isPresent()) {
            return SubmitterRole.MEMBER;
        }
        if (caller.isStakeholder()) {
            return SubmitterRole.STAKEHOLDER;
        }
        throw ProblemException.forbidden("Evidence is submitted by the AI Office, members and stakeholders");
    }
}
