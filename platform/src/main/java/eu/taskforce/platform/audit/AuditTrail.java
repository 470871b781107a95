package eu.taskforce.platform.audit;

import eu.taskforce.platform.api.Cursor;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Who did what, when, to which record: written in the transaction of the change itself, so that no change goes
 * unrecorded, and readable by the AI Office only (each service exposes it under its own path).
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager entityManager;

    public AuditTrail(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Schema(name = "AuditEntry", description = "One change: who made it (token subject and organisation), when, to what")
    public record Entry(UUID id, OffsetDateTime occurredAt, String subject, UUID organisation,
                        @Schema(examples = "SIGNATORY_REGISTERED") String action,
                        @Schema(examples = "Signatory") String recordType, UUID recordId) {
    }

    /** Records that {@code actor} did {@code action} to a record. Must run inside the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String recordType, UUID recordId) {
        entityManager.createNativeQuery("""
                        insert into audit_entry (id, occurred_at, subject, organisation, action, record_type, record_id)
                        values (:id, :at, :subject, :organisation, :action, :type, :record)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("subject", actor.subject())
                .setParameter("organisation", actor.organisation())
                .setParameter("action", action)
                .setParameter("type", recordType)
                .setParameter("record", recordId)
                .executeUpdate();
    }

    /** Entries oldest first, optionally only those about one record. */
    @Transactional
    public Page<Entry> page(UUID recordId, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, subject, organisation, action, record_type, record_id from audit_entry
                where 1 = 1""");
        if (recordId != null) {
            sql.append(" and record_id = :record");
        }
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        if (after != null) {
            sql.append(" and (occurred_at, id) > (:afterAt, :afterId)");
        }
        sql.append(" order by occurred_at, id limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (recordId != null) {
            query.setParameter("record", recordId);
        }
        if (after != null) {
            query.setParameter("afterAt", Cursor.timestamp(after.get(0))).setParameter("afterId", Cursor.uuid(after.get(1)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows, limit, AuditTrail::entry,
                row -> Cursor.encode(entry(row).occurredAt().toString(), row[0].toString()));
    }

    private static Entry entry(Object[] row) {
        return new Entry((UUID) row[0], toOffset(row[1]), (String) row[2], (UUID) row[3], (String) row[4],
                (String) row[5], (UUID) row[6]);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
