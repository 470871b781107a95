package eu.taskforce.transparency.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.transparency.domain.RegisterEntry;
import eu.taskforce.transparency.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash-chained, append-only log of register entries. Entries are appended in the order the consumers apply the
 * events (a batch at a time: an advisory lock serialises the appends of all consumers). Each event has one entry, found
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
     * Appends the entries, in their order, of events seen for the first time; for an event already in the log, appends a
     * correction only when the entry derived now differs from the latest one recorded for it. The log's lock is taken
     * once, the entries already recorded are read in one query and the new ones written in one JDBC batch.
     */
    public void record(List<RegisterEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('transparency.register-log', 0))")
                .getSingleResult();
        Map<String, Recorded> latest = latest(entries.stream().map(RegisterEntry::eventId).distinct().toList());
        Head head = head();
        List<Appended> appended = new ArrayList<>();
        for (RegisterEntry entry : entries) {
            ObjectNode content = content(entry);
            Recorded existing = latest.get(entry.eventId());
            Long corrects = null;
            if (existing != null) {
                ObjectNode recorded = (ObjectNode) read(existing.canonical());
                recorded.remove(List.of("sequence", "corrects"));
                if (Canonical.of(recorded).equals(Canonical.of(content))) {
                    continue;
                }
                corrects = existing.sequence();
                LOG.infof("Event %s now gives a different register entry: appending a correction of entry %d",
                        entry.eventId(), corrects);
            }
            long sequence = head.sequence() + 1;
            content.put("sequence", sequence);
            if (corrects == null) {
                content.putNull("corrects");
            } else {
                content.put("corrects", corrects);
            }
            String canonical = Canonical.of(content);
            String leaf = Canonical.leafHash(canonical);
            head = new Head(sequence, Canonical.chainHash(head.hash(), leaf));
            appended.add(new Appended(entry, sequence, corrects, canonical, leaf, head.hash()));
            latest.put(entry.eventId(), new Recorded(sequence, canonical));
        }
        insert(appended);
    }

    private record Recorded(long sequence, String canonical) {
    }

    private record Appended(RegisterEntry entry, long sequence, Long corrects, String canonical, String leaf,
                            String hash) {
    }

    /** The latest entry recorded for each of the events that has one. */
    private Map<String, Recorded> latest(List<String> eventIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (event_id) event_id, sequence, canonical from log_entry
                        where event_id in (:ids) order by event_id, sequence desc""")
                .setParameter("ids", eventIds).getResultList();
        Map<String, Recorded> latest = new HashMap<>();
        rows.forEach(row -> latest.put((String) row[0], new Recorded(((Number) row[1]).longValue(), (String) row[2])));
        return latest;
    }

    private void insert(List<Appended> appended) {
        if (appended.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into log_entry (sequence, event_id, corrects, subject, type, occurred_at, canonical, leaf_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Appended entry : appended) {
                    insert.setLong(1, entry.sequence());
                    insert.setString(2, entry.entry().eventId());
                    insert.setObject(3, entry.corrects(), Types.BIGINT);
                    insert.setObject(4, entry.entry().aggregateId());
                    insert.setString(5, entry.entry().type().type());
                    insert.setObject(6, Times.utc(entry.entry().occurredAt()));
                    insert.setString(7, entry.canonical());
                    insert.setString(8, entry.leaf());
                    insert.setString(9, entry.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
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
