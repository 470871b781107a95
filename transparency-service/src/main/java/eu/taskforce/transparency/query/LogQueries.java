package eu.taskforce.transparency.query;

import eu.taskforce.transparency.log.Canonical;
import eu.taskforce.transparency.log.HeadSigner;
import eu.taskforce.transparency.query.LogDtos.ConsistencyProof;
import eu.taskforce.transparency.query.LogDtos.LogEntries;
import eu.taskforce.transparency.query.LogDtos.LogEntryView;
import eu.taskforce.transparency.query.LogDtos.PublicKeyView;
import eu.taskforce.transparency.query.LogDtos.PublicKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Base64;
import java.util.List;

/** Reads of the verifiable log: entries in order, the head, the public keys, the leaves between two heads. */
@ApplicationScoped
public class LogQueries {

    private final EntityManager em;

    public LogQueries(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} entries from {@code from} on, and the sequence to ask next (none at the head). */
    public LogEntries entries(long from, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, canonical, leaf_hash, hash from log_entry where sequence >= :from
                        order by sequence limit :limit""")
                .setParameter("from", from).setParameter("limit", limit).getResultList();
        long head = head();
        List<LogEntryView> entries = rows.stream().map(r -> new LogEntryView(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3])).toList();
        Long next = entries.isEmpty() || entries.get(entries.size() - 1).sequence() >= head ? null
                : entries.get(entries.size() - 1).sequence() + 1;
        return new LogEntries(entries, next, head);
    }

    /** The sequence of the last entry, 0 while the log is empty. */
    public long head() {
        return ((Number) em.createNativeQuery("select coalesce(max(sequence), 0) from log_entry").getSingleResult())
                .longValue();
    }

    /** Every key that signs or signed heads, {@code currentKeyId} marked current. */
    public PublicKeys publicKeys(String currentKeyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select key_id, public_key from signing_key order by created_at, key_id")
                .getResultList();
        return new PublicKeys(rows.stream().map(r -> new PublicKeyView((String) r[0], "Ed25519",
                Base64.getEncoder().encodeToString((byte[]) r[1]), HeadSigner.pem("PUBLIC KEY", (byte[]) r[1]),
                currentKeyId.equals(r[0]))).toList());
    }

    /** The proof from head {@code from} to head {@code to} ({@code 0 <= from <= to <= head}). */
    public ConsistencyProof proof(long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, leaf_hash, hash from log_entry where sequence between :from and :to order by sequence""")
                .setParameter("from", from).setParameter("to", to).getResultList();
        String fromHash = from == 0 ? Canonical.GENESIS : (String) rows.get(0)[2];
        List<String> leaves = rows.stream().filter(r -> ((Number) r[0]).longValue() > from).map(r -> (String) r[1]).toList();
        String toHash = to == 0 ? fromHash : (String) rows.get(rows.size() - 1)[2];
        return new ConsistencyProof(from, fromHash, to, toHash, leaves);
    }
}
