package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Stakeholder;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

/** Third-party stakeholders and invited experts, managed by the AI Office. Contacts never leave this service. */
@ApplicationScoped
public class StakeholderService {

    static final String RECORD_TYPE = "Stakeholder";

    static final String PUBLIC_NAME = "publicName";
    static final String PUBLIC_FIELD_OF_EXPERTISE = "publicFieldOfExpertise";

    private final DisclosureService disclosures;
    private final GroupService groups;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;

    public StakeholderService(DisclosureService disclosures, GroupService groups, Outbox outbox, AuditTrail audit,
                              Access access) {
        this.disclosures = disclosures;
        this.groups = groups;
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
    }

    public record StakeholderDetails(StakeholderProfile.Kind kind, String name, String fieldOfExpertise,
                                     String contactEmail, boolean listedPublicly) {
    }

    public Stakeholder get(UUID id) {
        return Stakeholder.<Stakeholder>find("id = ?1 and removedAt is null", id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Stakeholder", id));
    }

    @Transactional
    public Stakeholder register(StakeholderDetails details) {
        Stakeholder stakeholder = new Stakeholder();
        stakeholder.id = UUID.randomUUID();
        stakeholder.createdAt = Timestamps.now();
        apply(stakeholder, details);
        stakeholder.persist();
        outbox.add(EventTypes.STAKEHOLDER_REGISTERED, stakeholder.id, publish(stakeholder));
        audit.record(access.actor(), "STAKEHOLDER_REGISTERED", RECORD_TYPE, stakeholder.id);
        return stakeholder;
    }

    @Transactional
    public Stakeholder update(UUID id, String ifMatch, StakeholderDetails details) {
        Stakeholder stakeholder = get(id);
        Versions.requireMatch(ifMatch, stakeholder.version);
        apply(stakeholder, details);
        outbox.add(EventTypes.STAKEHOLDER_UPDATED, id, publish(stakeholder));
        audit.record(access.actor(), "STAKEHOLDER_UPDATED", RECORD_TYPE, id);
        Stakeholder.flush();
        return stakeholder;
    }

    /**
     * Records a stakeholder's consent to be listed publicly, given to the AI Office (stakeholders have no account of
     * their own here), to the current privacy notice.
     */
    @Transactional
    public Stakeholder giveConsent(UUID id, String noticeVersion) {
        Stakeholder stakeholder = get(id);
        disclosures.giveConsent(Consent.SubjectType.STAKEHOLDER, id, Consent.Channel.AI_OFFICE, noticeVersion);
        if (!stakeholder.listedPublicly) {
            stakeholder.listedPublicly = true;
            stakeholder.updatedAt = Timestamps.now();
            outbox.add(EventTypes.STAKEHOLDER_UPDATED, id, publish(stakeholder));
            audit.record(access.actor(), "STAKEHOLDER_CONSENT_GIVEN", RECORD_TYPE, id);
        }
        Stakeholder.flush();
        return stakeholder;
    }

    /** Withdraws the consent to be listed: the stakeholder is unlisted everywhere. */
    @Transactional
    public Stakeholder withdrawConsent(UUID id) {
        Stakeholder stakeholder = get(id);
        if (disclosures.withdrawConsent(id, Consent.Channel.AI_OFFICE) || stakeholder.listedPublicly) {
            stakeholder.listedPublicly = false;
            stakeholder.updatedAt = Timestamps.now();
            outbox.add(EventTypes.STAKEHOLDER_UPDATED, id, publish(stakeholder));
            audit.record(access.actor(), "STAKEHOLDER_CONSENT_WITHDRAWN", RECORD_TYPE, id);
        }
        Stakeholder.flush();
        return stakeholder;
    }

    /** Erases the stakeholder's name, field of expertise and contact, and every published value. Idempotent. */
    @Transactional
    public void erase(UUID id) {
        Stakeholder stakeholder = Stakeholder.<Stakeholder>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Stakeholder", id));
        if (stakeholder.erasedAt != null) {
            return;
        }
        List<String> commitments = disclosures.erase(id);
        if (stakeholder.removedAt == null) {
            groups.removeFromEveryGroup(id, access.actor());
        }
        stakeholder.erase(Timestamps.now());
        outbox.add(EventTypes.STAKEHOLDER_ERASED, id, new StakeholderErased(id, commitments));
        audit.record(access.actor(), "STAKEHOLDER_ERASED", RECORD_TYPE, id);
    }

    /**
     * The public profile, publishing what it names: an organisation's name and field in clear, a person's as
     * commitments; nothing without consent. A withdrawn or rectified value is announced before the profile.
     */
    private StakeholderProfile publish(Stakeholder stakeholder) {
        boolean listed = stakeholder.listedPublicly;
        boolean person = stakeholder.isPerson();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PUBLIC_NAME, listed && person ? stakeholder.name : null);
        values.put(PUBLIC_FIELD_OF_EXPERTISE, listed && person ? stakeholder.fieldOfExpertise : null);
        DisclosureService.Publication publication = disclosures.publish(stakeholder.id, values);
        if (!publication.withdrawn().isEmpty()) {
            outbox.add(EventTypes.PERSONAL_DATA_WITHDRAWN, stakeholder.id, new PersonalDataWithdrawn(
                    PersonalDataWithdrawn.Subject.STAKEHOLDER, null, stakeholder.id, publication.withdrawn(),
                    publication.reason()));
        }
        return new StakeholderProfile(stakeholder.id, stakeholder.kind, listed,
                listed && !person ? stakeholder.name : null, listed && !person ? stakeholder.fieldOfExpertise : null,
                publication.field(PUBLIC_NAME), publication.field(PUBLIC_FIELD_OF_EXPERTISE));
    }

    @Transactional
    public void remove(UUID id, String ifMatch) {
        Stakeholder stakeholder = get(id);
        Versions.requireMatch(ifMatch, stakeholder.version);
        stakeholder.removedAt = Timestamps.now();
        stakeholder.updatedAt = stakeholder.removedAt;
        groups.removeFromEveryGroup(id, access.actor());
        outbox.add(EventTypes.STAKEHOLDER_REMOVED, id, new StakeholderRemoved(id));
        audit.record(access.actor(), "STAKEHOLDER_REMOVED", RECORD_TYPE, id);
    }

    /** Stakeholders by name, optionally those whose name or field of expertise contains a text. */
    public Page<Stakeholder> search(String text, String cursor, int limit) {
        KeysetQuery<Stakeholder> query = KeysetQuery.of(Stakeholder.class, "s", s -> s.id).where("s.removedAt is null");
        if (text != null && !text.isBlank()) {
            query.where("lower(s.name) like :text or lower(s.fieldOfExpertise) like :text", "text", "%"
                    + text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        return query.byName("name", s -> s.name).page(cursor, limit);
    }

    private static void apply(Stakeholder stakeholder, StakeholderDetails details) {
        if (details.kind() == StakeholderProfile.Kind.PERSON && details.listedPublicly()
                && !(stakeholder.listedPublicly && stakeholder.isPerson())) {
            throw ProblemException.badRequest("A person is listed publicly only with consent that can be shown: record "
                    + "it with PUT /api/v1/membership/stakeholders/{id}/consent (who, when, which privacy notice)");
        }
        stakeholder.kind = details.kind();
        stakeholder.name = details.name().strip();
        stakeholder.fieldOfExpertise = details.fieldOfExpertise().strip();
        stakeholder.contactEmail = details.contactEmail().strip();
        stakeholder.listedPublicly = details.listedPublicly();
        stakeholder.updatedAt = Timestamps.now();
    }

}
