package eu.taskforce.platform.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A person's rights over the personal data a service holds about their account (Regulation (EU) 2018/1725, Art. 17
 * and 19): the part every service shares. The service's {@link PersonalDataHolder} erases its own tables; this class
 * adds the platform's tables: the audit trail (subjects replaced by {@link #PSEUDONYM}: the entries stay, as the
 * history of the records, without naming who) and the idempotency replays (deleted: they are kept only 24 hours for
 * retries, and their stored bodies may copy personal values).
 */
@ApplicationScoped
public class PersonalData {

    /** What stays in a column that must keep a value for the history, in place of an erased subject. */
    public static final String PSEUDONYM = "erased";
    /** The most entries of one list in an export. */
    public static final int LIST_LIMIT = 200;
    static final String ERASED_ACTION = "PERSONAL_DATA_ERASED";
    static final String RECORD_TYPE = "Account";

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    private final EntityManager entityManager;
    private final Instance<PersonalDataHolder> holders;
    private final AuditTrail audit;
    private final Caller caller;
    private final ObjectMapper json;

    public PersonalData(EntityManager entityManager, Instance<PersonalDataHolder> holders, AuditTrail audit,
                        Caller caller, ObjectMapper json) {
        this.entityManager = entityManager;
        this.holders = holders;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
    }

    /** The calling account; a 401 problem never reaches here (the endpoints require a token). */
    public Account caller() {
        if (caller.isAnonymous()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "A bearer token is required");
        }
        return new Account(caller.subject(), caller.username());
    }

    /** The caller erases what this service holds about its own account. Idempotent. */
    @Transactional
    public int eraseOwn() {
        Account account = caller();
        // the erasure itself is recorded, under the pseudonym: the person asked, and nothing names them any more
        return erase(Set.of(account.subject()), account.username(), new Actor(PSEUDONYM, null));
    }

    /**
     * Erases what this service holds about a named account: its rows by account name, and the rows by token subject of
     * the subjects the service can link to that name. Idempotent.
     */
    @Transactional
    public int eraseNamed(String username, Actor by) {
        return erase(holder().subjectsOf(username), username, by);
    }

    /**
     * Erases what this service holds about accounts it knows only by token subject (found through a record that links
     * them to an erased person, such as a stakeholder's submissions). Idempotent.
     */
    @Transactional
    public int eraseSubjects(Set<String> subjects, Actor by) {
        return subjects.isEmpty() ? 0 : erase(subjects, null, by);
    }

    private int erase(Set<String> subjects, String username, Actor by) {
        PersonalDataHolder.Erased own = holder().erase(subjects, username);
        Set<String> values = new LinkedHashSet<>(own.values());
        if (username != null) {
            values.add(username);
        }
        int rows = own.rows() + pseudonymise("audit_entry", "subject", subjects) + forgetReplays(subjects, values);
        if (rows > 0) {
            audit.record(by, ERASED_ACTION, RECORD_TYPE, UUID.randomUUID());
            LOG.infof("Personal data of an account erased: %d rows changed", rows);
        }
        return rows;
    }

    /** The audit entries of these subjects, newest first, at most {@link #LIST_LIMIT} + 1 (see {@link ExportLists}). */
    @Transactional
    public List<AuditTrail.Entry> audit(Set<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, occurred_at, subject, organisation, action, record_type, record_id from audit_entry
                        where subject in (:subjects) order by occurred_at desc, id desc limit :limit""")
                .setParameter("subjects", subjects).setParameter("limit", LIST_LIMIT + 1)
                .getResultList();
        return rows.stream().map(row -> new AuditTrail.Entry((UUID) row[0], utc(row[1]), (String) row[2],
                (UUID) row[3], (String) row[4], (String) row[5], (UUID) row[6])).toList();
    }

    /**
     * Rows of one list of an export: a native query, newest first, that ends with {@code limit :limit} (bound to
     * {@link #LIST_LIMIT} + 1, so that {@link ExportLists#cap} sees whether there were more), with its other
     * parameters.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> exportRows(String sql, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(sql).setParameter("limit", LIST_LIMIT + 1);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The records whose history names these subjects: {@code sql} selects (record type, record id, role, at) with
     * {@code :subjects}, newest first, ending with {@code limit :limit}.
     */
    @Transactional
    public List<RecordedAction> recordedActions(String sql, Set<String> subjects) {
        return exportRows(sql, Map.of("subjects", subjects)).stream()
                .map(r -> new RecordedAction((String) r[0], (UUID) r[1], (String) r[2], utc(r[3]))).toList();
    }

    /** Replaces the subjects by the pseudonym in each of a service's columns that keep who did something. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int pseudonymise(List<SubjectColumn> columns, Set<String> subjects) {
        int rows = 0;
        for (SubjectColumn column : columns) {
            rows += pseudonymise(column.table(), column.column(), subjects);
        }
        return rows;
    }

    /**
     * Replaces the subjects in a column that keeps the history (who filed, approved, submitted...) by the pseudonym.
     * {@code table} and {@code column} are the service's own constants, never input.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int pseudonymise(String table, String column, Set<String> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("update " + table + " set " + column + " = :pseudonym where "
                        + column + " in (:subjects)")
                .setParameter("pseudonym", PSEUDONYM).setParameter("subjects", subjects)
                .executeUpdate();
    }

    /**
     * Deletes the stored idempotency replays of these subjects (the scope starts with the caller's subject), and any
     * other replay whose stored body holds one of the values as a JSON string (an invitation created by the AI Office
     * copies the invitee's name). A retry with such a key then runs again instead of replaying: harmless, since
     * creates refuse duplicates themselves.
     */
    private int forgetReplays(Set<String> subjects, Set<String> values) {
        int rows = 0;
        for (String subject : subjects) {
            String prefix = subject + " ";
            rows += entityManager.createNativeQuery(
                            "delete from idempotency_key where left(scope, length(:prefix)) = :prefix")
                    .setParameter("prefix", prefix).executeUpdate();
        }
        for (String value : values) {
            rows += entityManager.createNativeQuery(
                            "delete from idempotency_key where body is not null and strpos(lower(body), lower(:needle)) > 0")
                    .setParameter("needle", jsonString(value)).executeUpdate();
        }
        return rows;
    }

    private String jsonString(String value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PersonalDataHolder holder() {
        if (!holders.isResolvable()) {
            throw new IllegalStateException("This service declares no PersonalDataHolder");
        }
        return holders.get();
    }

    /** A timestamp column of a native query, in UTC (the JDBC driver gives OffsetDateTime, Instant or Timestamp). */
    public static OffsetDateTime utc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
