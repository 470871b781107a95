package eu.taskforce.transparency.projection;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.AdHocGroupCreated;
import eu.taskforce.contracts.membership.AdHocGroupParticipation;
import eu.taskforce.contracts.membership.AdHocGroupStakeholderParticipation;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.SignatureWithdrawn;
import eu.taskforce.contracts.membership.StakeholderProfile;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** The rows of the membership aggregates: organisations (membership periods, representatives), stakeholders, ad-hoc groups. */
@Singleton // called by Projector only, within its transaction
class MembershipProjector extends AggregateRows {

    MembershipProjector(RowWrites writes) {
        super(writes);
    }

    void organisation(int g, UUID id, List<StoredEvent> events) {
        String name = null, country = null, website = null, chapters = "";
        LocalDate signedOn = null, withdrawnOn = null;
        boolean signatory = false;
        Map<UUID, LocalDate[]> periods = new LinkedHashMap<>();
        Map<UUID, String[]> representatives = new LinkedHashMap<>();
        for (StoredEvent e : events) {
            if (e.is(EventTypes.SIGNATORY_REGISTERED)) {
                SignatoryRegistered s = e.as(SignatoryRegistered.class);
                name = s.name(); country = s.country(); website = s.website(); chapters = chapters(s.chapters());
                signedOn = s.signedOn(); signatory = true;
            } else if (e.is(EventTypes.SIGNATORY_UPDATED)) {
                SignatoryUpdated s = e.as(SignatoryUpdated.class);
                name = s.name(); country = s.country(); website = s.website(); chapters = chapters(s.chapters());
                signedOn = s.signedOn(); signatory = true;
            } else if (e.is(EventTypes.SIGNATURE_WITHDRAWN)) {
                withdrawnOn = e.as(SignatureWithdrawn.class).withdrawnOn();
            } else if (e.is(EventTypes.MEMBERSHIP_STARTED)) {
                MembershipStarted s = e.as(MembershipStarted.class);
                periods.computeIfAbsent(s.membershipId(), k -> new LocalDate[2])[0] = s.joinedOn();
                if (name == null) {
                    name = s.organisationName(); // until the signatory's own event is seen
                }
            } else if (e.is(EventTypes.MEMBERSHIP_ENDED)) {
                MembershipEnded s = e.as(MembershipEnded.class);
                periods.computeIfAbsent(s.membershipId(), k -> new LocalDate[2])[1] = s.leftOn();
            } else if (e.is(EventTypes.REPRESENTATIVE_APPOINTED) || e.is(EventTypes.REPRESENTATIVE_UPDATED)) {
                RepresentativeProfile r = e.as(RepresentativeProfile.class);
                // the name's commitment only: the value is joined from person_disclosure when served
                representatives.put(r.representativeId(), new String[]{r.role().name(),
                        r.publicName() == null ? null : r.publicName().commitment()});
            } else if (e.is(EventTypes.REPRESENTATIVE_REMOVED)) {
                representatives.remove(e.as(RepresentativeRemoved.class).representativeId());
            } else if (e.is(EventTypes.REPRESENTATIVE_ERASED)) {
                representatives.remove(e.as(RepresentativeErased.class).representativeId());
            }
            // personal-data-withdrawn changes no row, but its time is the organisation's latest change (updatedSince)
        }
        OffsetDateTime updated = updated(events);
        delete(g, "organisation", "id", id);
        delete(g, "membership_period", "organisation_id", id);
        delete(g, "representative", "organisation_id", id);
        writes.insert("""
                        insert into organisation (generation, id, name, country, website, chapters, signed_on, withdrawn_on,
                                                  signatory, updated_at)
                        values (:g, :id, :name, :country, :website, :chapters, :signedOn, :withdrawnOn, :signatory, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("name", name)
                .setParameter("country", country).setParameter("website", website).setParameter("chapters", chapters)
                .setParameter("signedOn", signedOn).setParameter("withdrawnOn", withdrawnOn)
                .setParameter("signatory", signatory).setParameter("updated", updated).queue();
        periods.forEach((period, dates) -> writes.insert("""
                        insert into membership_period (generation, id, organisation_id, joined_on, left_on, updated_at)
                        values (:g, :id, :organisation, :joined, :left, :updated)""")
                .setParameter("g", g).setParameter("id", period).setParameter("organisation", id)
                .setParameter("joined", dates[0]).setParameter("left", dates[1]).setParameter("updated", updated)
                .queue());
        representatives.forEach((representative, r) -> writes.insert("""
                        insert into representative (generation, id, organisation_id, role, name_commitment, updated_at)
                        values (:g, :id, :organisation, :role, :name, :updated)""")
                .setParameter("g", g).setParameter("id", representative).setParameter("organisation", id)
                .setParameter("role", r[0]).setParameter("name", r[1]).setParameter("updated", updated)
                .queue());
    }

    void stakeholder(int g, UUID id, List<StoredEvent> events) {
        StakeholderProfile profile = null;
        for (StoredEvent e : events) {
            if (e.is(EventTypes.STAKEHOLDER_REGISTERED) || e.is(EventTypes.STAKEHOLDER_UPDATED)) {
                profile = e.as(StakeholderProfile.class);
            } else if (e.is(EventTypes.STAKEHOLDER_REMOVED) || e.is(EventTypes.STAKEHOLDER_ERASED)) {
                profile = null;
            }
        }
        delete(g, "stakeholder", "id", id);
        // listed only with consent, and only with what consent covers; a person's values as commitments only
        if (profile != null && profile.listedPublicly() && (profile.name() != null || profile.publicName() != null)) {
            writes.insert("""
                            insert into stakeholder (generation, id, kind, name, field_of_expertise, name_commitment,
                                                     field_of_expertise_commitment, updated_at)
                            values (:g, :id, :kind, :name, :field, :nameCommitment, :fieldCommitment, :updated)""")
                    .setParameter("g", g).setParameter("id", id).setParameter("kind", profile.kind().name())
                    .setParameter("name", profile.name()).setParameter("field", profile.fieldOfExpertise())
                    .setParameter("nameCommitment", commitment(profile.publicName()))
                    .setParameter("fieldCommitment", commitment(profile.publicFieldOfExpertise()))
                    .setParameter("updated", updated(events)).queue();
        }
    }

    void adHocGroup(int g, UUID id, List<StoredEvent> events) {
        AdHocGroupCreated created = null;
        Map<UUID, String> participants = new TreeMap<>();
        Set<UUID> stakeholders = new TreeSet<>();
        for (StoredEvent e : events) {
            if (e.is(EventTypes.AD_HOC_GROUP_STAKEHOLDER_ADDED)) {
                stakeholders.add(e.as(AdHocGroupStakeholderParticipation.class).stakeholderId());
            } else if (e.is(EventTypes.AD_HOC_GROUP_STAKEHOLDER_REMOVED)) {
                stakeholders.remove(e.as(AdHocGroupStakeholderParticipation.class).stakeholderId());
            } else if (e.is(EventTypes.AD_HOC_GROUP_CREATED)) {
                created = e.as(AdHocGroupCreated.class);
            } else if (e.is(EventTypes.AD_HOC_GROUP_PARTICIPANT_ADDED)) {
                AdHocGroupParticipation p = e.as(AdHocGroupParticipation.class);
                participants.put(p.organisationId(), p.organisationName());
            } else if (e.is(EventTypes.AD_HOC_GROUP_PARTICIPANT_REMOVED)) {
                participants.remove(e.as(AdHocGroupParticipation.class).organisationId());
            }
        }
        delete(g, "ad_hoc_group", "id", id);
        delete(g, "ad_hoc_group_participant", "group_id", id);
        delete(g, "ad_hoc_group_stakeholder", "group_id", id);
        writes.insert("""
                        insert into ad_hoc_group (generation, id, name, description, updated_at)
                        values (:g, :id, :name, :description, :updated)""")
                .setParameter("g", g).setParameter("id", id)
                .setParameter("name", created == null ? null : created.name())
                .setParameter("description", created == null ? null : created.description())
                .setParameter("updated", updated(events)).queue();
        participants.forEach((organisation, name) -> writes.insert("""
                        insert into ad_hoc_group_participant (generation, group_id, organisation_id, organisation_name)
                        values (:g, :group, :organisation, :name)""")
                .setParameter("g", g).setParameter("group", id).setParameter("organisation", organisation)
                .setParameter("name", name).queue());
        // ids only: a stakeholder is shown with the group only while its own row says it is listed publicly
        stakeholders.forEach(stakeholder -> writes.insert("""
                        insert into ad_hoc_group_stakeholder (generation, group_id, stakeholder_id)
                        values (:g, :group, :stakeholder)""")
                .setParameter("g", g).setParameter("group", id).setParameter("stakeholder", stakeholder)
                .queue());
    }
}
