package eu.taskforce.transparency.service;

import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.transparency.domain.MembershipPeriod;
import eu.taskforce.transparency.domain.Organisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Applies events to the register's read model. Each method is safe to run again with the same event. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisterService {

    public void signatoryRegistered(SignatoryRegistered event, OffsetDateTime at) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(event.signatoryId())
                .orElseGet(Organisation::new);
        boolean isNew = organisation.id == null;
        organisation.id = event.signatoryId();
        organisation.name = event.name();
        organisation.country = event.country();
        organisation.website = event.website();
        organisation.chapters = new TreeSet<>(event.chapters()).stream().map(Chapter::name)
                .collect(Collectors.joining(","));
        organisation.signedOn = event.signedOn();
        organisation.updatedAt = timestamp(at);
        if (isNew) {
            organisation.persist();
        }
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
