package eu.taskforce.transparency.log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The generations of the read model: the one served, and at most one being rebuilt beside it. Every read-model row
 * carries its generation; the public API reads the served one only.
 */
@ApplicationScoped
public class Generations {

    public static final String SERVING = "SERVING";
    public static final String BUILDING = "BUILDING";

    private final EntityManager em;

    public Generations(EntityManager em) {
        this.em = em;
    }

    /** A generation and its state. */
    public record Generation(int number, String status) {
        public boolean serving() {
            return SERVING.equals(status);
        }
    }

    /**
     * The generations that consumers write to, the served one first. Read with a share lock, so that a switch of the
     * served generation waits for the transactions that are writing and is seen by every one after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Generation> writable() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select generation, status from register_generation where status in ('SERVING', 'BUILDING')
                        order by case status when 'SERVING' then 0 else 1 end for share""").getResultList();
        return rows.stream().map(r -> new Generation(((Number) r[0]).intValue(), (String) r[1])).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int served() {
        return ((Number) em.createNativeQuery("select generation from register_generation where status = 'SERVING'")
                .getSingleResult()).intValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> building() {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select generation from register_generation where status = 'BUILDING'")
                .getResultList();
        return rows.stream().findFirst().map(Number::intValue);
    }
}
