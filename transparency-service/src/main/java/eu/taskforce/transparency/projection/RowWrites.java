package eu.taskforce.transparency.projection;

import eu.taskforce.transparency.domain.Times;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projectors' writes of one transaction, held until {@link #flush} sends them in set-based statements: every
 * aggregate's old rows deleted with one statement per table ({@code = any(ids)}), then the new rows inserted in one
 * JDBC batch per statement. A batch of records thus costs a few round trips instead of several per aggregate. The
 * order is safe because an aggregate's rows are its own (keyed by its id or by ids of its own events), so deleting
 * every aggregate's rows before inserting any gives what deleting and inserting aggregate after aggregate gave; the
 * projectors read nothing the queued writes change.
 */
@TransactionScoped
public class RowWrites {

    /** {@code :name} parameters, not PostgreSQL's {@code ::type} casts. */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):(\\w+)");
    private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();

    private final EntityManager em;
    /** Delete statements ({@code generation = ?} and {@code ... = any(?)}) with the ids they delete, per generation. */
    private final Map<String, Map<Integer, Set<UUID>>> deletes = new LinkedHashMap<>();
    /** Insert statements with named parameters, each with the parameters of every row it writes. */
    private final Map<String, List<Map<String, Object>>> inserts = new LinkedHashMap<>();

    public RowWrites(EntityManager em) {
        this.em = em;
    }

    /** Deletes, at the flush, the rows of {@code table} of generation {@code g} whose {@code column} is {@code id}. */
    void delete(int g, String table, String column, UUID id) {
        deleteWhere("delete from " + table + " where generation = ? and " + column + " = any(?)", g, id);
    }

    /**
     * Deletes, at the flush, what {@code statement} deletes, whose two parameters are the generation and an array of
     * ids; the statements are run in the order they were first asked for.
     */
    void deleteWhere(String statement, int g, UUID id) {
        deletes.computeIfAbsent(statement, s -> new LinkedHashMap<>()).computeIfAbsent(g, k -> new LinkedHashSet<>())
                .add(id);
    }

    /** A row to insert at the flush: {@code statement} with named parameters ({@code :name}). */
    Row insert(String statement) {
        return new Row(statement);
    }

    /** The parameters of one row to insert; {@link #queue} adds it. */
    final class Row {
        private final String statement;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        private Row(String statement) {
            this.statement = statement;
        }

        Row setParameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        void queue() {
            inserts.computeIfAbsent(statement, s -> new ArrayList<>()).add(parameters);
        }
    }

    /** Sends what was queued: the deletes, then the inserts. */
    void flush() {
        if (deletes.isEmpty() && inserts.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            for (var delete : deletes.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(delete.getKey())) {
                    for (var ids : delete.getValue().entrySet()) {
                        statement.setInt(1, ids.getKey());
                        statement.setArray(2, connection.createArrayOf("uuid", ids.getValue().toArray()));
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            for (var insert : inserts.entrySet()) {
                insert(connection, insert.getKey(), insert.getValue());
            }
        });
        deletes.clear();
        inserts.clear();
    }

    private static void insert(Connection connection, String named, List<Map<String, Object>> rows)
            throws SQLException {
        Positional positional = POSITIONAL.computeIfAbsent(named, Positional::of);
        try (PreparedStatement statement = connection.prepareStatement(positional.sql())) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < positional.names().size(); i++) {
                    String name = positional.names().get(i);
                    if (!row.containsKey(name)) {
                        throw new IllegalStateException("No value for :" + name + " in " + named);
                    }
                    Object value = row.get(name);
                    if (value == null) {
                        statement.setNull(i + 1, Types.OTHER);
                    } else {
                        statement.setObject(i + 1, value instanceof Instant instant ? Times.utc(instant) : value);
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A statement with named parameters as JDBC takes it: {@code ?} in their place, and their names in order. */
    private record Positional(String sql, List<String> names) {
        static Positional of(String named) {
            List<String> names = new ArrayList<>();
            Matcher matcher = NAMED.matcher(named);
            StringBuilder sql = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(sql, "?");
            }
            matcher.appendTail(sql);
            return new Positional(sql.toString(), List.copyOf(names));
        }
    }
}
