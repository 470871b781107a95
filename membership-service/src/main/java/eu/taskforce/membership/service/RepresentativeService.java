package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Representatives of member organisations. A member organisation manages its own and nobody else's; the AI Office
 * manages all. Events carry the public projection only: a commitment to the name with the person's consent (which
 * only the person or the AI Office can give), never the name itself or the e-mail.
 */
@ApplicationScoped
public class RepresentativeService {

    static final String RECORD_TYPE = "Representative";

    static final String PUBLIC_NAME = "publicName";

    private final SignatoryService signatories;
    private final DisclosureService disclosures;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;

    public RepresentativeService(SignatoryService signatories, DisclosureService disclosures, Outbox outbox,
                                 AuditTrail audit, Access access) {
        this.signatories = signatories;
        this.disclosures = disclosures;
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
    }

    /**
     * @param nameConsent what the client said of consent: only the consent resource gives it, so {@code true} is
     *                    accepted only where the person already consents (a read-modify-write of the representative)
     */
    public record RepresentativeDetails(String name, String email, RepresentativeRole role, String username,
                                        Boolean nameConsent) {
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
        outbox.add(EventTypes.REPRESENTATIVE_APPOINTED, organisationId, profile(representative, null));
        audit.record(access.actor(), "REPRESENTATIVE_APPOINTED", RECORD_TYPE, representative.id);
        return representative;
    }

    @Transactional
    public Representative update(UUID organisationId, UUID id, String ifMatch, RepresentativeDetails details) {
        Signatory organisation = authorise(organisationId);
        Representative representative = get(organisationId, id);
        Versions.requireMatch(ifMatch, representative.version);
        apply(organisation, representative, details);
        publish(representative);
        audit.record(access.actor(), "REPRESENTATIVE_UPDATED", RECORD_TYPE, id);
        Representative.flush();
        return representative;
    }

    /**
     * The person consents to the publication of their name, with their own account, or the AI Office records their
     * consent (given to it in writing, say). A colleague of the organisation cannot consent for them.
     */
    @Transactional
    public Representative giveConsent(UUID organisationId, UUID id, String noticeVersion) {
        Representative representative = get(organisationId, id);
        Consent.Channel via = personOrAiOffice(representative);
        disclosures.giveConsent(Consent.SubjectType.REPRESENTATIVE, id, via, noticeVersion);
        if (!representative.nameConsent) {
            representative.nameConsent = true;
            representative.updatedAt = Timestamps.now();
            publish(representative);
            audit.record(access.actor(), "REPRESENTATIVE_CONSENT_GIVEN", RECORD_TYPE, id);
        }
        Representative.flush();
        return representative;
    }

    /** Withdraws the consent (the person, or the AI Office on their request): the name is unpublished everywhere. */
    @Transactional
    public Representative withdrawConsent(UUID organisationId, UUID id) {
        Representative representative = get(organisationId, id);
        if (disclosures.withdrawConsent(id, personOrAiOffice(representative)) || representative.nameConsent) {
            representative.nameConsent = false;
            representative.updatedAt = Timestamps.now();
            publish(representative);
            audit.record(access.actor(), "REPRESENTATIVE_CONSENT_WITHDRAWN", RECORD_TYPE, id);
        }
        Representative.flush();
        return representative;
    }

    /**
     * Erases the person's name, e-mail and account name (the person, or the AI Office on their request), and every
     * published value; a current appointment ends. Erasing again changes nothing.
     */
    @Transactional
    public void erase(UUID organisationId, UUID id) {
        signatories.get(organisationId);
        Representative representative = Representative.<Representative>find("id = ?1 and organisationId = ?2", id,
                organisationId).firstResultOptional().orElseThrow(() -> ProblemException.notFound("Representative", id));
        personOrAiOffice(representative);
        erase(representative);
    }

    /**
     * Erases every appointment, current or past, of the account (its own, or one the AI Office names); answers the
     * personal values it erased, so that their copies elsewhere in this database can be found.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> eraseAccount(String username) {
        Set<String> values = new LinkedHashSet<>();
        for (Representative appointment : Representative.ofAccount(username)) {
            values.add(appointment.name);
            values.add(appointment.email);
            erase(appointment);
        }
        return values;
    }

    private void erase(Representative representative) {
        if (representative.erasedAt != null) {
            return;
        }
        List<String> commitments = disclosures.erase(representative.id);
        representative.erase(Timestamps.now());
        outbox.add(EventTypes.REPRESENTATIVE_ERASED, representative.organisationId,
                new RepresentativeErased(representative.organisationId, representative.id, commitments));
        audit.record(access.actor(), "REPRESENTATIVE_ERASED", RECORD_TYPE, representative.id);
    }

    /** The channel of a consent change: the person themselves, or the AI Office; anyone else is refused. */
    private Consent.Channel personOrAiOffice(Representative representative) {
        if (access.isAccount(representative.username) && access.represents(representative.organisationId)) {
            return Consent.Channel.SELF;
        }
        if (access.isAiOffice()) {
            return Consent.Channel.AI_OFFICE;
        }
        throw ProblemException.forbidden("Only the person themselves, with their own account, or the AI Office "
                + "on their request, may give, withdraw or erase their personal data");
    }

    /** Publishes the representative's current public values: the name only with consent. */
    private void publish(Representative representative) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PUBLIC_NAME, representative.nameConsent ? representative.name : null);
        DisclosureService.Publication publication = disclosures.publish(representative.id, values);
        if (!publication.withdrawn().isEmpty()) {
            outbox.add(EventTypes.PERSONAL_DATA_WITHDRAWN, representative.organisationId, new PersonalDataWithdrawn(
                    PersonalDataWithdrawn.Subject.REPRESENTATIVE, representative.organisationId, representative.id,
                    publication.withdrawn(), publication.reason()));
        }
        outbox.add(EventTypes.REPRESENTATIVE_UPDATED, representative.organisationId,
                profile(representative, publication.field(PUBLIC_NAME)));
    }

    @Transactional
    public void remove(UUID organisationId, UUID id, String ifMatch) {
        Representative representative = get(organisationId, id);
        Versions.requireMatch(ifMatch, representative.version);
        representative.removedAt = Timestamps.now();
        representative.updatedAt = representative.removedAt;
        outbox.add(EventTypes.REPRESENTATIVE_REMOVED, organisationId, new RepresentativeRemoved(organisationId, id));
        audit.record(access.actor(), "REPRESENTATIVE_REMOVED", RECORD_TYPE, id);
    }

    private void apply(Signatory organisation, Representative representative, RepresentativeDetails details) {
        if (Boolean.TRUE.equals(details.nameConsent()) && !representative.nameConsent) {
            throw ProblemException.badRequest("Consent to publish a name is given by the person themselves, or "
                    + "recorded by the AI Office: PUT .../representatives/{id}/consent");
        }
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
        representative.updatedAt = Timestamps.now();
    }

    private Signatory authorise(UUID organisationId) {
        Signatory organisation = signatories.get(organisationId);
        access.requireAiOfficeOrRepresentative(organisationId);
        return organisation;
    }

    private static RepresentativeProfile profile(Representative representative, PersonalField publicName) {
        return new RepresentativeProfile(representative.organisationId, representative.id, representative.role,
                publicName);
    }

}
