package eu.taskforce.transparency.service;

import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.SignatureWithdrawn;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.transparency.domain.MembershipPeriod;
import eu.taskforce.transparency.domain.Representative;
import eu.taskforce.transparency.domain.Organisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.time.ZoneOffset;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Applies events to the register's read model. Each method is safe to run again with the same event. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisterService {

    public void signatoryRegistered(SignatoryRegistered event, OffsetDateTime at) {
        saveSignatory(event.signatoryId(), event.name(), event.country(), event.website(), event.chapters(),
                event.signedOn(), at);
    }

    public void signatoryUpdated(SignatoryUpdated event, OffsetDateTime at) {
        saveSignatory(event.signatoryId(), event.name(), event.country(), event.website(), event.chapters(),
                event.signedOn(), at);
    }

    private void saveSignatory(UUID id, String name, String country, String website, Set<Chapter> chapters,
                               LocalDate signedOn, OffsetDateTime at) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(id).orElseGet(Organisation::new);
        boolean isNew = organisation.id == null;
        organisation.id = id;
        organisation.name = name;
        organisation.country = country;
        organisation.website = website;
        organisation.chapters = new TreeSet<>(chapters).stream().map(Chapter::name).collect(Collectors.joining(","));
        organisation.signedOn = signedOn;
        organisation.updatedAt = timestamp(at);
        if (isNew) {
            organisation.persist();
        }
    }

    public void signatureWithdrawn(SignatureWithdrawn event, OffsetDateTime at) {
        Organisation organisation = Organisation.findById(event.signatoryId());
        if (organisation == null) {
            throw new IllegalArgumentException("Signatory " + event.signatoryId() + " withdrew but was never registered");
        }
        organisation.withdrawnOn = event.withdrawnOn();
        organisation.updatedAt = timestamp(at);
    }

    /** A representative appointed or changed: the name is kept only when the event carries it (with consent). */
    public void representativeProfile(RepresentativeProfile event, OffsetDateTime at) {
        Representative representative = Representative.<Representative>findByIdOptional(event.representativeId())
                .orElseGet(Representative::new);
        boolean isNew = representative.id == null;
        representative.id = event.representativeId();
        representative.organisationId = event.organisationId();
        representative.role = event.role().name();
        representative.publicName = event.publicName();
        representative.updatedAt = timestamp(at);
        if (isNew) {
            representative.persist();
        }
    }

    public void representativeRemoved(RepresentativeRemoved event) {
        Representative.deleteById(event.representativeId());
    }

    public void membershipStarted(MembershipStarted event, OffsetDateTime at) {
        if (Organisation.findById(event.signatoryId()) == null) {
            // the organisation's own event is older than the retained history: show what this event says
            Organisation organisation = new Organisation();
            organisation.id = event.signatoryId();
            organisation.name = event.organisationName();
            organisation.chapters = "";
            organisation.updatedAt = timestamp(at);
            organisation.persist();
        }
        MembershipPeriod period = MembershipPeriod.<MembershipPeriod>findByIdOptional(event.membershipId())
                .orElseGet(MembershipPeriod::new);
        boolean isNew = period.id == null;
        period.id = event.membershipId();
        period.organisationId = event.signatoryId();
        period.joinedOn = event.joinedOn();
        period.updatedAt = timestamp(at);
        if (isNew) {
            period.persist();
        }
    }

    public void membershipEnded(MembershipEnded event, OffsetDateTime at) {
        MembershipPeriod period = MembershipPeriod.findById(event.membershipId());
        if (period == null) {
            throw new IllegalArgumentException("Membership " + event.membershipId() + " ended but never started");
        }
        period.leftOn = event.leftOn();
        period.updatedAt = timestamp(at);
    }

    private static OffsetDateTime timestamp(OffsetDateTime at) {
        return at != null ? at : OffsetDateTime.now(ZoneOffset.UTC);
    }
}
