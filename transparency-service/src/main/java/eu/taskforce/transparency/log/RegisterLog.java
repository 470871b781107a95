package eu.taskforce.transparency.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.transparency.domain.RegisterEntry;
import eu.taskforce.transparency.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The hash-chained, append-only log of register entries. Entries are appended in the order the consumers apply the
 * events (one at a time: an advisory lock serialises the appends of all consumers). Each event has one entry, found
 * by its id; when the same event is derived again (during a rebuild) and its entry comes out different, a correction
 * is appended that names the entry it corrects. Nothing is ever updated or deleted (a trigger refuses it).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisterLog {

    private static final Logger LOG = Logger.getLogger(RegisterLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public RegisterLog(EntityManager em) {
        this.em = em;
    }

    /** The last entry's sequence and hash; sequence 0 and the genesis hash while the log is empty. */
    public record Head(long sequence, String hash) {
    }

    /**
     * Appends the entry of an event seen for the first time; for an event already in the log, appends a correction
     * only when the entry derived now differs from the latest one recorded for it.
     *
     * @return the sequence appended, or 0 when the log already held this entry
     */
    public long record(RegisterEntry entry) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('transparency.register-log', 0))")
                .getSingleResult();
        ObjectNode content = content(entry);
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("""
                        select sequence, canonical from log_entry where event_id = :id order by sequence desc limit 1""")
                .setParameter("id", entry.eventId()).getResultList();
        Long corrects = null;
        if (!existing.isEmpty()) {
            ObjectNode recorded = (ObjectNode) read((String) existing.get(0)[1]);
            recorded.remove(List.of("sequence", "corrects"));
            if (Canonical.of(recorded).equals(Canonical.of(content))) {
                return 0;
            }
            corrects = ((Number) existing.get(0)[0]).longValue();
            LOG.infof("Event %s now gives a different register entry: appending a correction of entry %d",
                    entry.eventId(), corrects);
        }
        Head head = head();
        long sequence = head.sequence() + 1;
        content.put("sequence", sequence);
        if (corrects == null) {
            content.putNull("corrects");
        } else {
            content.put("corrects", corrects);
        }
        String canonical = Canonical.of(content);
        String leaf = Canonical.leafHash(canonical);
        String hash = Canonical.chainHash(head.hash(), leaf);
        em.createNativeQuery("""
                        insert into log_entry (sequence, event_id, corrects, subject, type, occurred_at, canonical, leaf_hash, hash)
                        values (:sequence, :eventId, :corrects, :subject, :type, :occurredAt, :canonical, :leaf, :hash)""")
                .setParameter("sequence", sequence).setParameter("eventId", entry.eventId())
                .setParameter("corrects", corrects).setParameter("subject", entry.aggregateId())
                .setParameter("type", entry.type().type()).setParameter("occurredAt", Times.utc(entry.occurredAt()))
                .setParameter("canonical", canonical).setParameter("leaf", leaf).setParameter("hash", hash)
                .executeUpdate();
        return sequence;
    }

    public Head head() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select sequence, hash from log_entry order by sequence desc limit 1")
                .getResultList();
        return rows.isEmpty() ? new Head(0, Canonical.GENESIS)
                : new Head(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
    }

    /** The entry's content, everything but its place in the log (sequence, corrects). */
    static ObjectNode content(RegisterEntry entry) {
        ObjectNode content = JSON.createObjectNode();
        content.put("eventId", entry.eventId());
        content.put("type", entry.type().type());
        content.put("topic", entry.topic());
        content.put("subject", entry.aggregateId().toString());
        content.put("time", DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()));
        content.set("data", entry.data().deepCopy());
        return content;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("A log entry is not JSON", e);
        }
    }
}
