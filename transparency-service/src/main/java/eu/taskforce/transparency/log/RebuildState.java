package eu.taskforce.transparency.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.transparency.config.RegisterConfig;
import eu.taskforce.transparency.domain.Times;
import eu.taskforce.transparency.log.Rebuild.GenerationRow;
import eu.taskforce.transparency.projection.Projector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rebuild's state in {@code register_generation}, each change in a transaction of its own: the lease an instance
 * ({@code owner}) holds on the generation it builds, how far it has read each partition and where it must get to,
 * and the switch that makes it the served generation.
 */
@ApplicationScoped
public class RebuildState {

    private static final Logger LOG = Logger.getLogger(RebuildState.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> OFFSETS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Projector projector;
    private final Generations generations;
    private final RegisterConfig.RebuildConfig config;

    public RebuildState(EntityManager em, Projector projector, Generations generations, RegisterConfig config) {
        this.em = em;
        this.projector = projector;
        this.generations = generations;
        this.config = config.rebuild();
    }

    /** The rebuild's recorded state: how far it read, where it must get to, how many records it read. */
    record Progress(Map<String, Long> positions, Map<String, Long> target, long recordsRead) {
    }

    /** The latest generations, newest first, and the records read and target of the building (or latest) one. */
    record Recent(List<GenerationRow> generations, long recordsRead, Map<String, Long> target) {
    }

    /** A new generation, BUILDING, its lease held by {@code owner}. */
    int begin(String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int next = ((Number) em.createNativeQuery("select coalesce(max(generation), 0) + 1 from register_generation")
                    .getSingleResult()).intValue();
            em.createNativeQuery("""
                            insert into register_generation (generation, status, started_at, owner, lease_until)
                            values (:g, 'BUILDING', now(), :owner, now() + make_interval(secs => :lease))""")
                    .setParameter("g", next).setParameter("owner", owner).setParameter("lease", lease())
                    .executeUpdate();
            return next;
        });
    }

    Recent recent() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select generation, status, started_at, switched_at, detail, records_read, target
                        from register_generation order by generation desc limit 10""").getResultList();
        Optional<Object[]> latest = rows.stream().filter(r -> Generations.BUILDING.equals(r[1])).findFirst()
                .or(() -> rows.stream().findFirst());
        return new Recent(rows.stream().map(r -> new GenerationRow(((Number) r[0]).intValue(), (String) r[1],
                r[2] == null ? null : Times.utc(Times.instant(r[2])),
                r[3] == null ? null : Times.utc(Times.instant(r[3])), (String) r[4])).toList(),
                latest.map(r -> ((Number) r[5]).longValue()).orElse(0L),
                latest.map(r -> offsets((String) r[6])).orElse(Map.of()));
    }

    /** Takes the lease of a rebuild whose lease ran out, if there is one, for {@code owner}. */
    Optional<Integer> takeOverAbandoned(String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery("""
                            select generation from register_generation
                            where status = 'BUILDING' and (lease_until is null or lease_until < now())
                            for update skip locked""").getResultList();
            due.stream().findFirst().ifPresent(g -> em.createNativeQuery("""
                            update register_generation set owner = :owner, lease_until = now() + make_interval(secs => :lease)
                            where generation = :g""")
                    .setParameter("owner", owner).setParameter("lease", lease())
                    .setParameter("g", g.intValue()).executeUpdate());
            return due.stream().findFirst().map(Number::intValue);
        });
    }

    Progress progress(int generation) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select positions, target, records_read from register_generation where generation = :g")
                .setParameter("g", generation).getSingleResult());
        return new Progress(offsets((String) row[0]), offsets((String) row[1]), ((Number) row[2]).longValue());
    }

    /**
     * Records how far the rebuild has read (every record before these positions is applied) and renews the lease;
     * false when the lease is no longer {@code owner}'s.
     */
    boolean checkpoint(int generation, String owner, Map<String, Long> positions, Map<String, Long> target,
                       long recordsRead) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update register_generation set positions = :positions, target = :target,
                            records_read = :records, lease_until = now() + make_interval(secs => :lease)
                        where generation = :g and owner = :owner and status = 'BUILDING'""")
                .setParameter("positions", json(positions)).setParameter("target", json(target))
                .setParameter("records", recordsRead).setParameter("lease", lease())
                .setParameter("g", generation).setParameter("owner", owner).executeUpdate() == 1);
    }

    /** Renews {@code owner}'s lease on a generation; false when it is no longer theirs. */
    boolean renew(int generation, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update register_generation set lease_until = now() + make_interval(secs => :lease)
                        where generation = :g and owner = :owner and status = 'BUILDING'""")
                .setParameter("lease", lease()).setParameter("g", generation)
                .setParameter("owner", owner).executeUpdate() == 1);
    }

    /** Gives the lease back, so that another instance takes the rebuild over at its next look. */
    void release(int generation, String owner) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update register_generation set lease_until = now() where generation = :g and owner = :owner""")
                .setParameter("g", generation).setParameter("owner", owner).executeUpdate());
    }

    /**
     * One transaction: checks that the generation is still {@code owner}'s and has read up to its end offsets (as
     * recorded), retires the served generation and serves the new one. The generation retired, or null if none was.
     */
    Integer switchTo(int generation, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                            select owner, status, positions, target from register_generation where generation = :g
                            for update""").setParameter("g", generation).getSingleResult();
            Map<String, Long> positions = offsets((String) row[2]);
            Map<String, Long> target = offsets((String) row[3]);
            boolean caughtUp = target.entrySet().stream()
                    .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (!owner.equals(row[0]) || !Generations.BUILDING.equals(row[1]) || !caughtUp) {
                LOG.warnf("Generation %d is not switched to: held by %s, %s, read %s of %s", generation, row[0], row[1],
                        positions, target);
                return null;
            }
            int served = generations.served();
            // waits for the live consumers' transactions (they hold a share lock on these rows), and every one after
            // this commit writes to the new generation
            em.createNativeQuery("update register_generation set status = 'RETIRED', switched_at = now() where status = 'SERVING'")
                    .executeUpdate();
            em.createNativeQuery("""
                            update register_generation set status = 'SERVING', switched_at = now(), owner = null,
                                lease_until = null
                            where generation = :g""")
                    .setParameter("g", generation).executeUpdate();
            return served;
        });
    }

    /** Deletes the rows of a generation no longer served. */
    void delete(int generation) {
        QuarkusTransaction.requiringNew().run(() -> projector.delete(generation));
    }

    /** Marks the generation FAILED and deletes its rows. */
    void fail(int generation, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            update register_generation set status = 'FAILED', detail = :detail, owner = null,
                                lease_until = null
                            where generation = :g""")
                    .setParameter("g", generation).setParameter("detail", detail).executeUpdate();
            projector.delete(generation);
        });
    }

    private double lease() {
        return (double) config.lease().toSeconds();
    }

    private static Map<String, Long> offsets(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, OFFSETS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable rebuild offsets", e);
        }
    }

    private static String json(Map<String, Long> offsets) {
        try {
            return JSON.writeValueAsString(offsets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
