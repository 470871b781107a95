package eu.taskforce.transparency.disclosure;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.transparency.domain.RegisterEntry;
import eu.taskforce.transparency.domain.Times;
import eu.taskforce.transparency.ingest.Derivation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The register's side tables of personal data, outside the generations: the openings disclosed by membership-service
 * ({@code person_disclosure}, the only table with personal values but for the stakeholders' sort key, which its
 * triggers keep and empty with it: V16), the commitments waiting to be resolved ({@code disclosure_pending}) and the
 * withdrawn ones ({@code disclosure_withdrawal}, kept forever).
 *
 * <p>Every write about a commitment holds {@code pg_advisory_xact_lock} on it (and, first, on its person), in the
 * consumers' withdrawals as in the resolver's stores: a withdrawal and a resolution that race converge whatever their
 * order, because the store checks for a withdrawal under the same lock and in the same transaction. A store, holding
 * its person's lock, also writes the person's stakeholder rows (V16's trigger), so a consumer takes the persons' locks
 * of its batch ({@link #lockPeople}) before it writes any row: taken after its rows, they closed a deadlock.
 */
@ApplicationScoped
public class Disclosures {

    /** Why a value is not shown. */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";
    public static final String RECTIFIED = "RECTIFIED";
    public static final String ERASED = "ERASED";

    private final EntityManager em;
    private final Event<Queued> commitmentsQueued;

    public Disclosures(EntityManager em, Event<Queued> commitmentsQueued) {
        this.em = em;
        this.commitmentsQueued = commitmentsQueued;
    }

    /** Commitments were queued in a transaction: {@link DisclosureResolver} runs a pass once it commits. */
    public record Queued() {
    }

    /** A commitment to resolve. */
    public record Pending(String commitment, UUID ref, String field, int attempts) {
    }

    /**
     * Takes the locks of the persons whose values the entries withdraw or erase, in one order, until the transaction
     * ends. A consumer calls it before it writes a projection's row, see the class comment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPeople(List<RegisterEntry> entries) {
        TreeSet<String> people = new TreeSet<>();
        for (RegisterEntry entry : entries) {
            withdrawnPerson(entry).ifPresent(ref -> people.add("ref:" + ref));
        }
        people.forEach(this::lock);
    }

    private static Optional<UUID> withdrawnPerson(RegisterEntry entry) {
        if (entry.type() == EventTypes.PERSONAL_DATA_WITHDRAWN) {
            return Optional.of(entry.payload(PersonalDataWithdrawn.class).ref());
        } else if (entry.type() == EventTypes.REPRESENTATIVE_ERASED) {
            return Optional.of(entry.payload(RepresentativeErased.class).representativeId());
        } else if (entry.type() == EventTypes.STAKEHOLDER_ERASED) {
            return Optional.of(entry.payload(StakeholderErased.class).stakeholderId());
        }
        return Optional.empty();
    }

    /**
     * What an entry means for the side tables: a profile's commitments are queued for resolution, a withdrawal or an
     * erasure forgets values. Idempotent: a redelivered or replayed event changes nothing more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RegisterEntry entry) {
        if (entry.type() == EventTypes.PERSONAL_DATA_WITHDRAWN) {
            PersonalDataWithdrawn w = entry.payload(PersonalDataWithdrawn.class);
            withdraw(w.ref(), w.commitments(), w.reason().name(), entry.occurredAt(), false);
        } else if (entry.type() == EventTypes.REPRESENTATIVE_ERASED) {
            RepresentativeErased e = entry.payload(RepresentativeErased.class);
            withdraw(e.representativeId(), e.commitments(), ERASED, entry.occurredAt(), true);
        } else if (entry.type() == EventTypes.STAKEHOLDER_ERASED) {
            StakeholderErased e = entry.payload(StakeholderErased.class);
            withdraw(e.stakeholderId(), e.commitments(), ERASED, entry.occurredAt(), true);
        } else {
            List<Derivation.Personal> fields = Derivation.personalFields(entry);
            int queued = 0;
            for (Derivation.Personal field : fields) {
                queued += em.createNativeQuery("""
                                insert into disclosure_pending (commitment, ref, field)
                                select :c, :ref, :field
                                where not exists (select 1 from person_disclosure where commitment = :c)
                                  and not exists (select 1 from disclosure_withdrawal where commitment = :c)
                                on conflict do nothing""")
                        .setParameter("c", field.commitment()).setParameter("ref", field.ref())
                        .setParameter("field", field.field()).executeUpdate();
            }
            if (queued > 0) {
                changed();
                commitmentsQueued.fire(new Queued());
            }
        }
    }

    /**
     * Forgets the values of {@code commitments} (on erasure, every value of the person) and records why. The value
     * of a commitment listed here is never stored again, whatever the resolver fetched meanwhile.
     */
    private void withdraw(UUID ref, List<String> commitments, String reason, Instant at, boolean erasure) {
        lock("ref:" + ref);
        TreeSet<String> all = new TreeSet<>(commitments); // one order for the locks
        if (erasure) {
            all.addAll(commitmentsOf(ref));
        }
        for (String commitment : all) {
            lock(commitment);
            em.createNativeQuery("""
                            insert into disclosure_withdrawal (commitment, ref, reason, withdrawn_at)
                            values (:c, :ref, :reason, :at) on conflict do nothing""")
                    .setParameter("c", commitment).setParameter("ref", ref).setParameter("reason", reason)
                    .setParameter("at", Times.utc(at)).executeUpdate();
            em.createNativeQuery("delete from person_disclosure where commitment = :c").setParameter("c", commitment)
                    .executeUpdate();
            em.createNativeQuery("delete from disclosure_pending where commitment = :c").setParameter("c", commitment)
                    .executeUpdate();
        }
        changed();
    }

    @SuppressWarnings("unchecked")
    private List<String> commitmentsOf(UUID ref) {
        return em.createNativeQuery("""
                        select commitment from person_disclosure where ref = :ref
                        union select commitment from disclosure_pending where ref = :ref""")
                .setParameter("ref", ref).getResultList();
    }

    // --- the resolver's side ---------------------------------------------------------------------------------------

    /**
     * Claims up to {@code limit} due commitments for {@code lease}: another instance skips them meanwhile, and a claim
     * that no one finishes (a crash) is due again when the lease ends.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Pending> claim(int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update disclosure_pending set attempts = attempts + 1,
                            next_attempt_at = now() + make_interval(secs => :lease)
                        where commitment in (select commitment from disclosure_pending where next_attempt_at <= now()
                                             order by next_attempt_at, commitment limit :limit for update skip locked)
                        returning commitment, ref, field, attempts""")
                .setParameter("lease", (double) lease.toSeconds()).setParameter("limit", limit).getResultList();
        List<Pending> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            claimed.add(new Pending((String) row[0], (UUID) row[1], (String) row[2], ((Number) row[3]).intValue()));
        }
        return claimed;
    }

    /**
     * Stores the opening of a claimed commitment, unless the commitment was withdrawn or its person erased meanwhile
     * (then the opening is dropped).
     *
     * @return whether it was stored
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean store(Pending pending, Opening opening) {
        lock("ref:" + pending.ref());
        lock(pending.commitment());
        boolean withdrawn = ((Number) em.createNativeQuery("""
                        select count(*) from disclosure_withdrawal
                        where commitment = :c or (ref = :ref and reason = 'ERASED')""")
                .setParameter("c", pending.commitment()).setParameter("ref", pending.ref()).getSingleResult())
                .longValue() > 0;
        if (!withdrawn) {
            em.createNativeQuery("""
                            insert into person_disclosure (commitment, ref, field, salt, value)
                            values (:c, :ref, :field, :salt, :value) on conflict do nothing""")
                    .setParameter("c", pending.commitment()).setParameter("ref", pending.ref())
                    .setParameter("field", opening.field()).setParameter("salt", opening.salt())
                    .setParameter("value", opening.value()).executeUpdate();
        }
        em.createNativeQuery("delete from disclosure_pending where commitment = :c")
                .setParameter("c", pending.commitment()).executeUpdate();
        changed();
        return !withdrawn;
    }

    /** membership-service does not disclose it (unknown, or no longer disclosed), or what it served is not it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void absent(Pending pending) {
        lock("ref:" + pending.ref());
        lock(pending.commitment());
        em.createNativeQuery("delete from disclosure_pending where commitment = :c")
                .setParameter("c", pending.commitment()).executeUpdate();
        changed();
    }

    /** Claimed commitments that a pass did not try (it stopped or failed first): due again now, the claim uncounted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(List<Pending> untried) {
        em.createNativeQuery("""
                        update disclosure_pending set next_attempt_at = now(), attempts = greatest(attempts - 1, 0)
                        where commitment in (:commitments)""")
                .setParameter("commitments", untried.stream().map(Pending::commitment).toList()).executeUpdate();
    }

    /** membership-service could not be asked: the commitment is due again after {@code delay}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(Pending pending, Duration delay) {
        em.createNativeQuery("""
                        update disclosure_pending set next_attempt_at = now() + make_interval(secs => :delay)
                        where commitment = :c""")
                .setParameter("delay", (double) delay.toSeconds()).setParameter("c", pending.commitment())
                .executeUpdate();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void lock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "transparency.disclosure:" + key).getSingleResult();
    }

    /** The side tables changed: the CSV exports' ETags, which cover them, change too. */
    private void changed() {
        em.createNativeQuery("update disclosure_state set version = version + 1 where id = 1").executeUpdate();
    }
}
