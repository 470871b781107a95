package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Signatories of the Code and their membership of the Taskforce. */
@ApplicationScoped
public class SignatoryService {

    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public SignatoryService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
        this.clock = Clock.systemUTC();
    }

    public record NewSignatory(String name, String country, String website, Set<Chapter> chapters,
                               LocalDate signedOn) {
    }

    @Transactional
    public Signatory register(NewSignatory request) {
        if (Signatory.count("lower(name) = lower(?1)", request.name().strip()) > 0) {
            throw ProblemException.conflict("A signatory named '" + request.name().strip() + "' is already registered");
        }
        Signatory signatory = new Signatory();
        signatory.id = UUID.randomUUID();
        signatory.name = request.name().strip();
        signatory.country = request.country();
        signatory.website = request.website();
        signatory.chapters = EnumSet.copyOf(request.chapters());
        signatory.signedOn = request.signedOn();
        signatory.createdAt = now();
        signatory.updatedAt = signatory.createdAt;
        signatory.persist();
        outbox.add(EventTypes.SIGNATORY_REGISTERED, signatory.id, new SignatoryRegistered(signatory.id,
                signatory.name, signatory.country, signatory.website, signatory.chapters, signatory.signedOn));
        return signatory;
    }

    public Signatory get(UUID id) {
        return Signatory.<Signatory>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Signatory", id));
    }

    /** A signatory that has signed and not withdrawn joins the Taskforce; it may not be a member twice at once. */
    @Transactional
    public Membership join(UUID signatoryId, LocalDate joinedOn) {
        Signatory signatory = get(signatoryId);
        if (signatory.isWithdrawn()) {
            throw ProblemException.conflict("Signatory " + signatory.name
                    + " withdrew its signature of the Code and cannot join the Taskforce");
        }
        if (Membership.current(signatoryId).isPresent()) {
            throw ProblemException.conflict(signatory.name + " is already a member of the Taskforce");
        }
        LocalDate day = joinedOn != null ? joinedOn : LocalDate.now(clock);
        if (day.isBefore(signatory.signedOn)) {
            throw ProblemException.conflict("A signatory cannot join before it signed the Code (" + signatory.signedOn + ")");
        }
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.signatoryId = signatoryId;
        membership.joinedOn = day;
        membership.joinedBy = caller.subject();
        membership.createdAt = now();
        membership.updatedAt = membership.createdAt;
        membership.persist();
        outbox.add(EventTypes.MEMBERSHIP_STARTED, signatoryId,
                new MembershipStarted(signatoryId, membership.id, signatory.name, day));
        return membership;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
