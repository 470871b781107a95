package eu.taskforce.platform.membership;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.platform.inbox.ConsumerTransactions;
import eu.taskforce.platform.inbox.Inbox;
import eu.taskforce.platform.inbox.IncomingEvent;
import eu.taskforce.platform.time.Timestamps;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Applies the membership topic ({@code taskforce.membership.v1}) to a service's own replica of who is a current member
 * (tables of the Flyway location {@code db/membership-replica}, which a service that keeps the replica lists in
 * {@code quarkus.flyway.locations}). Each service consumes the topic with its own {@code @Incoming} method (its own
 * channel, consumer group and dead-letter topic) and hands every record to {@link #consume}: the event is applied in
 * the same transaction as its inbox record, so exactly once. A member joining or leaving, and a person's erasure, are
 * announced to the rest of the service as CDI events ({@link MemberJoined}, {@link MemberLeft}, {@link PersonErased}) in
 * that same transaction. The replica keeps no personal data: a representative is an id, an organisation and a role; a
 * stakeholder of the register an id and whether it is still on it ({@link RegisteredStakeholder}).
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

    /**
     * A representative's or stakeholder's personal data was erased in membership-service: the service forgets whatever
     * it holds about that person and can link to these ids. One of the ids is set.
     */
    public record PersonErased(UUID representativeId, UUID stakeholderId) {
    }

    private final Inbox inbox;
    private final ConsumerTransactions transactions;
    private final Event<MemberJoined> joined;
    private final Event<MemberLeft> left;
    private final Event<PersonErased> erased;

    public MembershipReplica(Inbox inbox, ConsumerTransactions transactions, Event<MemberJoined> joined,
                             Event<MemberLeft> left, Event<PersonErased> erased) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.joined = joined;
        this.left = left;
        this.erased = erased;
    }

    /**
     * Applies one record of the membership topic, once: {@code consumer} names the service's inbox. A record that is
     * not a CloudEvent, or whose data does not fit its type, is an {@link IllegalArgumentException}, which sends it to
     * the caller's dead-letter topic (the transaction rolls back, so it is not recorded as processed); a transient
     * database failure is tried again ({@link ConsumerTransactions}).
     */
    public void consume(String consumer, ConsumerRecord<String, String> record) {
        transactions.inTransaction(record, () -> applyOnce(consumer, record, event -> { }));
    }

    /**
     * Applies a poll of the membership topic (a channel with {@code batch=true}) in one transaction, each record once
     * and in its order, as {@link #consume(String, ConsumerRecord)} does for one: a burst of membership events costs one
     * commit a poll rather than one an event. A record that cannot be applied rolls the poll back, which is then applied
     * record by record ({@link ConsumerTransactions#inOneTransaction}): only that record goes to the dead-letter topic.
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch) {
        return consume(consumer, batch, (record, event) -> { });
    }

    /**
     * As {@link #consume(String, KafkaRecordBatch)}, then {@code alsoApply} in the same transaction, once per event (after
     * the replica has it): for a service that does more with the membership topic than keep the replica
     * (notification-service fans each event out to its subscribers) with one consumer group and one inbox record.
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch,
                                         BiConsumer<ConsumerRecord<String, String>, IncomingEvent> alsoApply) {
        return transactions.inOneTransaction(batch, records -> records.forEach(
                record -> applyOnce(consumer, record, event -> alsoApply.accept(record, event))));
    }

    private void applyOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> alsoApply) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery(consumer, event.id())) {
            LOG.debugf("Event %s already applied", event.id());
            return;
        }
        EventTypes.byType(event.type()).ifPresentOrElse(type -> apply(type, event),
                () -> LOG.debugf("Ignoring event type %s (unknown to this version)", event.type()));
        alsoApply.accept(event);
    }

    private void apply(EventType<?> type, IncomingEvent event) {
        if (type == EventTypes.SIGNATORY_REGISTERED) {
            signatoryRegistered(event.data(SignatoryRegistered.class));
        } else if (type == EventTypes.SIGNATORY_UPDATED) {
            signatoryUpdated(event.data(SignatoryUpdated.class));
        } else if (type == EventTypes.MEMBERSHIP_STARTED) {
            membershipStarted(event.data(MembershipStarted.class));
        } else if (type == EventTypes.MEMBERSHIP_ENDED) {
            membershipEnded(event.data(MembershipEnded.class));
        } else if (type == EventTypes.REPRESENTATIVE_APPOINTED || type == EventTypes.REPRESENTATIVE_UPDATED) {
            representativeProfile(event.data(RepresentativeProfile.class));
        } else if (type == EventTypes.REPRESENTATIVE_REMOVED) {
            representativeRemoved(event.data(RepresentativeRemoved.class));
        } else if (type == EventTypes.REPRESENTATIVE_ERASED) {
            RepresentativeErased erasure = event.data(RepresentativeErased.class);
            representativeRemoved(new RepresentativeRemoved(erasure.organisationId(), erasure.representativeId()));
            erased.fire(new PersonErased(erasure.representativeId(), null));
        } else if (type == EventTypes.STAKEHOLDER_REGISTERED || type == EventTypes.STAKEHOLDER_UPDATED) {
            stakeholderProfile(event.data(StakeholderProfile.class));
        } else if (type == EventTypes.STAKEHOLDER_REMOVED) {
            stakeholderRemoved(event.data(StakeholderRemoved.class).stakeholderId());
        } else if (type == EventTypes.STAKEHOLDER_ERASED) {
            UUID stakeholderId = event.data(StakeholderErased.class).stakeholderId();
            stakeholderRemoved(stakeholderId);
            erased.fire(new PersonErased(null, stakeholderId));
        } else {
            LOG.debugf("Ignoring event type %s (not needed by the replica)", type.type());
        }
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

    /** A stakeholder registered or changed: on the register (an update never follows a removal there). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stakeholderProfile(StakeholderProfile event) {
        stakeholder(event.stakeholderId()).removedAt = null;
    }

    /** A stakeholder removed or erased: no longer on the register. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stakeholderRemoved(UUID stakeholderId) {
        RegisteredStakeholder stakeholder = stakeholder(stakeholderId);
        if (stakeholder.removedAt == null) {
            stakeholder.removedAt = stakeholder.updatedAt;
        }
    }

    private static RegisteredStakeholder stakeholder(UUID id) {
        RegisteredStakeholder stakeholder = RegisteredStakeholder.findById(id);
        if (stakeholder == null) {
            stakeholder = new RegisteredStakeholder();
            stakeholder.id = id;
            stakeholder.updatedAt = Timestamps.now();
            stakeholder.persist();
        }
        stakeholder.updatedAt = Timestamps.now();
        return stakeholder;
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
