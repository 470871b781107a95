package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.AdHocGroupCreated;
import eu.taskforce.contracts.membership.AdHocGroupParticipation;
import eu.taskforce.contracts.membership.AdHocGroupStakeholderParticipation;
import eu.taskforce.membership.domain.AdHocGroup;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.membership.domain.Stakeholder;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Ad-hoc groups of the Taskforce, formed by the AI Office, with member organisations taking part, and stakeholders or
 * invited experts of the register (announced by id only: what may be shown of them is in their own profile).
 */
@ApplicationScoped
public class GroupService {

    static final String RECORD_TYPE = "AdHocGroup";

    private final SignatoryService signatories;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;

    public GroupService(SignatoryService signatories, Outbox outbox, AuditTrail audit, Access access) {
        this.signatories = signatories;
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
    }

    /** Groups by name, a page at a time (keyset: lower(name), id). */
    public Page<AdHocGroup> list(String cursor, int limit) {
        return KeysetQuery.of(AdHocGroup.class, "g", g -> g.id).byName("name", g -> g.name).page(cursor, limit);
    }

    public AdHocGroup get(UUID id) {
        return AdHocGroup.<AdHocGroup>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Ad-hoc group", id));
    }

    @Transactional
    public AdHocGroup create(String name, String description) {
        String trimmed = name.strip();
        if (AdHocGroup.count("lower(name) = lower(?1)", trimmed) > 0) {
            throw ProblemException.conflict("An ad-hoc group named '" + trimmed + "' exists");
        }
        AdHocGroup group = new AdHocGroup();
        group.id = UUID.randomUUID();
        group.name = trimmed;
        group.description = description == null ? null : description.strip();
        group.createdAt = Timestamps.now();
        group.updatedAt = group.createdAt;
        group.persist();
        outbox.add(EventTypes.AD_HOC_GROUP_CREATED, group.id, new AdHocGroupCreated(group.id, group.name, group.description));
        audit.record(access.actor(), "AD_HOC_GROUP_CREATED", RECORD_TYPE, group.id);
        return group;
    }

    @Transactional
    public AdHocGroup addParticipant(UUID groupId, UUID organisationId) {
        AdHocGroup group = get(groupId);
        Signatory organisation = signatories.get(organisationId);
        if (!signatories.isMember(organisationId)) {
            throw ProblemException.conflict(organisation.name + " is not a member of the Taskforce; ad-hoc groups are made of members");
        }
        if (group.participant(organisationId).isPresent()) {
            throw ProblemException.conflict(organisation.name + " already takes part in " + group.name);
        }
        AdHocGroup.Participant participant = new AdHocGroup.Participant();
        participant.organisationId = organisationId;
        participant.addedAt = Timestamps.now();
        participant.addedBy = access.subject();
        group.participants.add(participant);
        group.updatedAt = Timestamps.now();
        outbox.add(EventTypes.AD_HOC_GROUP_PARTICIPANT_ADDED, groupId,
                new AdHocGroupParticipation(groupId, organisationId, organisation.name));
        audit.record(access.actor(), "AD_HOC_GROUP_PARTICIPANT_ADDED", RECORD_TYPE, groupId);
        AdHocGroup.flush();
        return group;
    }

    @Transactional
    public void removeParticipant(UUID groupId, UUID organisationId) {
        AdHocGroup group = get(groupId);
        Signatory organisation = signatories.get(organisationId);
        if (!group.participants.removeIf(p -> p.organisationId.equals(organisationId))) {
            throw ProblemException.notFound(organisation.name + " in ad-hoc group", groupId);
        }
        group.updatedAt = Timestamps.now();
        outbox.add(EventTypes.AD_HOC_GROUP_PARTICIPANT_REMOVED, groupId,
                new AdHocGroupParticipation(groupId, organisationId, organisation.name));
        audit.record(access.actor(), "AD_HOC_GROUP_PARTICIPANT_REMOVED", RECORD_TYPE, groupId);
    }

    /** The AI Office adds a stakeholder or invited expert of the register (not removed) to a group. */
    @Transactional
    public AdHocGroup addStakeholder(UUID groupId, UUID stakeholderId) {
        AdHocGroup group = get(groupId);
        Stakeholder.<Stakeholder>find("id = ?1 and removedAt is null", stakeholderId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Stakeholder", stakeholderId));
        if (group.stakeholder(stakeholderId).isPresent()) {
            throw ProblemException.conflict("Stakeholder " + stakeholderId + " already takes part in " + group.name);
        }
        AdHocGroup.StakeholderParticipant participant = new AdHocGroup.StakeholderParticipant();
        participant.stakeholderId = stakeholderId;
        participant.addedAt = Timestamps.now();
        participant.addedBy = access.subject();
        group.stakeholders.add(participant);
        group.updatedAt = participant.addedAt;
        outbox.add(EventTypes.AD_HOC_GROUP_STAKEHOLDER_ADDED, groupId,
                new AdHocGroupStakeholderParticipation(groupId, stakeholderId));
        audit.record(access.actor(), "AD_HOC_GROUP_STAKEHOLDER_ADDED", RECORD_TYPE, groupId);
        AdHocGroup.flush();
        return group;
    }

    @Transactional
    public void removeStakeholder(UUID groupId, UUID stakeholderId) {
        AdHocGroup group = get(groupId);
        if (group.stakeholder(stakeholderId).isEmpty()) {
            throw ProblemException.notFound("Stakeholder " + stakeholderId + " in ad-hoc group", groupId);
        }
        leave(group, stakeholderId, access.actor());
    }

    /** A stakeholder removed from the register (or erased) no longer takes part in any group. */
    @Transactional(Transactional.TxType.MANDATORY)
    void removeFromEveryGroup(UUID stakeholderId, Actor actor) {
        AdHocGroup.withStakeholder(stakeholderId).forEach(group -> leave(group, stakeholderId, actor));
    }

    private void leave(AdHocGroup group, UUID stakeholderId, Actor actor) {
        group.stakeholders.removeIf(p -> p.stakeholderId.equals(stakeholderId));
        group.updatedAt = Timestamps.now();
        outbox.add(EventTypes.AD_HOC_GROUP_STAKEHOLDER_REMOVED, group.id,
                new AdHocGroupStakeholderParticipation(group.id, stakeholderId));
        audit.record(actor, "AD_HOC_GROUP_STAKEHOLDER_REMOVED", RECORD_TYPE, group.id);
    }
}
