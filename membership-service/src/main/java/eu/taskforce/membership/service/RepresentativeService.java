package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Representatives of member organisations. A member organisation manages its own and nobody else's; the AI Office
 * manages all. Events carry the public projection only: the name with consent, never the e-mail.
 */
@ApplicationScoped
public class RepresentativeService {

    static final String RECORD_TYPE = "Representative";

    private final SignatoryService signatories;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;

    public RepresentativeService(SignatoryService signatories, Outbox outbox, AuditTrail audit, Caller caller) {
        this.signatories = signatories;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    public record RepresentativeDetails(String name, String email, RepresentativeRole role, String username,
                                        boolean nameConsent) {
    }

    public List<Representative> list(UUID organisationId) {
        authorise(organisationId);
        return Representative.active(organisationId);
    }

    public Representative get(UUID organisationId, UUID id) {
        authorise(organisationId);
        return Representative.activeById(organisationId, id)
                .orElseThrow(() -> ProblemException.notFound("Representative", id));
    }

    @Transactional
    public Representative appoint(UUID organisationId, RepresentativeDetails details) {
        Signatory organisation = authorise(organisationId);
        if (!signatories.isMember(organisationId)) {
            throw ProblemException.conflict(organisation.name
                    + " is not a member of the Taskforce; only member organisations have representatives");
        }
        Representative representative = new Representative();
        representative.id = UUID.randomUUID();
        representative.organisationId = organisationId;
        representative.createdAt = Timestamps.now();
        apply(organisation, representative, details);
        representative.persist();
        outbox.add(EventTypes.REPRESENTATIVE_APPOINTED, organisationId, profile(representative));
        audit.record(caller.actor(), "REPRESENTATIVE_APPOINTED", RECORD_TYPE, representative.id);
        return representative;
    }

    @Transactional
    public Representative update(UUID organisationId, UUID id, String ifMatch, RepresentativeDetails details) {
        Signatory organisation = authorise(organisationId);
        Representative representative = get(organisationId, id);
        Versions.requireMatch(ifMatch, representative.version);
        apply(organisation, representative, details);
        outbox.add(EventTypes.REPRESENTATIVE_UPDATED, organisationId, profile(representative));
        audit.record(caller.actor(), "REPRESENTATIVE_UPDATED", RECORD_TYPE, id);
        Representative.flush();
        return representative;
    }

    @Transactional
    public void remove(UUID organisationId, UUID id, String ifMatch) {
        Representative representative = get(organisationId, id);
        Versions.requireMatch(ifMatch, representative.version);
        representative.removedAt = Timestamps.now();
        representative.updatedAt = representative.removedAt;
        outbox.add(EventTypes.REPRESENTATIVE_REMOVED, organisationId, new RepresentativeRemoved(organisationId, id));
        audit.record(caller.actor(), "REPRESENTATIVE_REMOVED", RECORD_TYPE, id);
    }

    private void apply(Signatory organisation, Representative representative, RepresentativeDetails details) {
        if (details.role() == RepresentativeRole.PRINCIPAL) {
            Representative.activePrincipal(organisation.id)
                    .filter(principal -> !principal.id.equals(representative.id))
                    .ifPresent(principal -> {
                        throw ProblemException.conflict(organisation.name + " already has a principal representative ("
                                + principal.id + "); make that one an alternate, or remove it, first");
                    });
        }
        String username = details.username().strip();
        if (Representative.usernameTaken(username, representative.id)) {
            throw ProblemException.conflict("The account '" + username + "' already belongs to a representative");
        }
        representative.name = details.name().strip();
        representative.email = details.email().strip();
        representative.role = details.role();
        representative.username = username;
        representative.nameConsent = details.nameConsent();
        representative.updatedAt = Timestamps.now();
    }

    private Signatory authorise(UUID organisationId) {
        Signatory organisation = signatories.get(organisationId);
        caller.requireAiOfficeOrRepresentative(organisationId);
        return organisation;
    }

    private static RepresentativeProfile profile(Representative representative) {
        return new RepresentativeProfile(representative.organisationId, representative.id, representative.role,
                representative.publicName());
    }

}
