package eu.taskforce.meeting.service;

import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.meeting.domain.MemberOrganisation;
import eu.taskforce.meeting.domain.MemberRepresentative;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Applies the membership topic to this service's replica. Runs inside the consumer's transaction, with the inbox
 * record, so that each event is applied exactly once. A member joining or leaving is announced to the rest of the
 * service (invitations to plenaries follow it) in that same transaction.
 */
@ApplicationScoped
public class MembershipReplica {

    private static final Logger LOG = Logger.getLogger(MembershipReplica.class);

    /** A signatory became a current member. */
    public record MemberJoined(UUID organisationId) {
    }

    /** A member organisation is no longer a member. */
    public record MemberLeft(UUID organisationId) {
    }

    private final Event<MemberJoined> joined;
    private final Event<MemberLeft> left;

    public MembershipReplica(Event<MemberJoined> joined, Event<MemberLeft> left) {
        this.joined = joined;
        this.left = left;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void signatoryRegistered(SignatoryRegistered event) {
        organisation(event.signatoryId()).name = event.name();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void signatoryUpdated(SignatoryUpdated event) {
        organisation(event.signatoryId()).name = event.name();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipStarted(MembershipStarted event) {
        MemberOrganisation organisation = organisation(event.signatoryId());
        boolean wasMember = organisation.member;
        if (event.organisationName() != null) {
            organisation.name = event.organisationName();
        }
        organisation.member = true;
        organisation.membershipId = event.membershipId();
        organisation.joinedOn = event.joinedOn();
        organisation.leftOn = null;
        if (!wasMember) {
            MemberOrganisation.flush();
            joined.fire(new MemberJoined(organisation.id));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipEnded(MembershipEnded event) {
        MemberOrganisation organisation = organisation(event.signatoryId());
        if (organisation.membershipId != null && !organisation.membershipId.equals(event.membershipId())) {
            LOG.infof("Membership %s of %s ended, but %s is the current one: nothing to change",
                    event.membershipId(), event.signatoryId(), organisation.membershipId);
            return;
        }
        boolean wasMember = organisation.member;
        organisation.member = false;
        organisation.membershipId = event.membershipId();
        organisation.leftOn = event.leftOn();
        if (wasMember) {
            MemberOrganisation.flush();
            left.fire(new MemberLeft(organisation.id));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void representativeProfile(RepresentativeProfile event) {
        MemberRepresentative representative = MemberRepresentative.findById(event.representativeId());
        boolean created = representative == null;
        if (created) {
            representative = new MemberRepresentative();
            representative.id = event.representativeId();
        }
        representative.organisationId = event.organisationId();
        representative.role = event.role();
        representative.publicName = event.publicName();
        representative.removedAt = null;
        representative.updatedAt = Timestamps.now();
        if (created) {
            representative.persist(); // Hibernate takes the state to insert at persist: set every field first
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void representativeRemoved(RepresentativeRemoved event) {
        MemberRepresentative representative = MemberRepresentative.findById(event.representativeId());
        if (representative != null) {
            representative.removedAt = Timestamps.now();
            representative.updatedAt = representative.removedAt;
        }
    }

    /** The organisation's replica row, created on first sight (events of one organisation arrive in order). */
    private static MemberOrganisation organisation(UUID id) {
        MemberOrganisation organisation = MemberOrganisation.findById(id);
        if (organisation == null) {
            organisation = new MemberOrganisation();
            organisation.id = id;
            organisation.updatedAt = Timestamps.now();
            organisation.persist(); // Hibernate takes the state to insert at persist: set every required field first
        }
        organisation.updatedAt = Timestamps.now();
        return organisation;
    }
}
