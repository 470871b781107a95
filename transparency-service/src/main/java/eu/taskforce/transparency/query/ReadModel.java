package eu.taskforce.transparency.query;

import eu.taskforce.platform.api.Cursor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads the served generation of the read model with plain JDBC: pages by keyset (a stable sort key and the id, the
 * cursor holds both), and whole lists as a stream through a server-side cursor (fetch size {@value #CHUNK}), so that an
 * export of any length keeps the memory flat.
 */
@ApplicationScoped
public class ReadModel {

    static final int CHUNK = 500;
    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private final DataSource dataSource;

    public ReadModel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * A list of the register. {@code from} is the FROM and WHERE clauses (named parameters, {@code :g} is the served
     * generation); {@code sortKey} a text expression that sorts the list, {@code id} the tie-breaker;
     * {@code plannedPerCall} whether PostgreSQL plans it for each call's parameters rather than once for any.
     */
    public record ListQuery<T>(String select, String from, String sortKey, String id, String updatedAt,
                               RowMapper<T> mapper, boolean plannedPerCall) {

        public ListQuery(String select, String from, String sortKey, String id, String updatedAt, RowMapper<T> mapper) {
            this(select, from, sortKey, id, updatedAt, mapper, false);
        }

        /** The list narrowed by one more condition (a filter the caller asked for). */
        public ListQuery<T> and(String condition) {
            return new ListQuery<>(select, from + " and (" + condition + ")", sortKey, id, updatedAt, mapper,
                    plannedPerCall);
        }

        /**
         * The same list, planned for each call's parameters: for a query whose best plan depends on their values (a
         * prepared statement run again is otherwise planned once for any values, after five calls).
         */
        public ListQuery<T> planPerCall() {
            return new ListQuery<>(select, from, sortKey, id, updatedAt, mapper, true);
        }
    }

    /** A row with the key a cursor holds to continue after it. */
    public record Row<T>(T item, String sortKey, String id) {
        public String cursor() {
            return Cursor.encode(sortKey, id);
        }
    }

    /** One page: up to {@code limit + 1} rows after the cursor (the extra row tells that a next page exists). */
    public <T> List<Row<T>> page(ListQuery<T> query, Params params, String cursor, OffsetDateTime updatedSince,
                                 int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Params all = params.copy().put("g", served(connection));
                plan(connection, query);
                StringBuilder sql = new StringBuilder(sql(query, all, updatedSince));
                if (cursor != null) {
                    List<String> key = Cursor.decode(cursor, 2);
                    sql.append(" and (").append(query.sortKey()).append(", ").append(query.id())
                            .append("::text) > (:afterKey, :afterId)");
                    all.put("afterKey", key.get(0)).put("afterId", key.get(1));
                }
                sql.append(" order by sort_key, sort_id limit :limit");
                all.put("limit", limit + 1);
                List<Row<T>> rows = new ArrayList<>();
                try (PreparedStatement statement = prepare(connection, sql.toString(), all);
                     ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row<>(query.mapper().map(result), result.getString("sort_key"),
                                result.getString("sort_id")));
                    }
                }
                return rows;
            }
        });
    }

    /** Every row of the list, in order, handed to {@code sink} chunk by chunk as the database sends them. */
    public <T> void stream(ListQuery<T> query, Params params, OffsetDateTime updatedSince, Consumer<T> sink) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Params all = params.copy().put("g", served(connection));
                plan(connection, query);
                String sql = sql(query, all, updatedSince) + " order by sort_key, sort_id";
                try (PreparedStatement statement = prepare(connection, sql, all)) {
                    statement.setFetchSize(CHUNK); // inside a transaction: a server-side cursor
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            sink.accept(query.mapper().map(result));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Rows of an ad-hoc query on the served generation ({@code :g}). */
    public <T> List<T> query(String sql, Params params, RowMapper<T> mapper) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Params all = params.copy().put("g", served(connection));
                List<T> rows = new ArrayList<>();
                try (PreparedStatement statement = prepare(connection, sql, all);
                     ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(mapper.map(result));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * The register's version: the served generation, the head of the log, and the version of the disclosures (names
     * are joined when served, and change without a new entry when resolved or withdrawn).
     */
    public String version() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("""
                         select (select generation from register_generation where status = 'SERVING') || '.'
                                || coalesce((select max(sequence) from log_entry), 0) || '.'
                                || (select version from disclosure_state where id = 1)""");
                 ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        });
    }

    private static String sql(ListQuery<?> query, Params params, OffsetDateTime updatedSince) {
        StringBuilder sql = new StringBuilder("select ").append(query.select()).append(", ").append(query.sortKey())
                .append(" as sort_key, ").append(query.id()).append("::text as sort_id from ").append(query.from());
        if (updatedSince != null) {
            sql.append(" and ").append(query.updatedAt()).append(" >= :updatedSince");
            params.put("updatedSince", updatedSince);
        }
        return sql.toString();
    }

    /** A query planned per call: so for the rest of the transaction (SET LOCAL). */
    private static void plan(Connection connection, ListQuery<?> query) throws SQLException {
        if (query.plannedPerCall()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local plan_cache_mode = force_custom_plan");
            }
        }
    }

    private static int served(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select generation from register_generation where status = 'SERVING'");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Params params) throws SQLException {
        Matcher matcher = NAMED.matcher(sql);
        List<Object> values = new ArrayList<>();
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!params.values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            values.add(params.values.get(name));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        PreparedStatement statement = connection.prepareStatement(positional.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof LocalDate date) {
                statement.setObject(i + 1, date);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    /** Named parameters of a query. */
    public static final class Params {
        private final java.util.Map<String, Object> values = new java.util.HashMap<>();

        public static Params of() {
            return new Params();
        }

        public Params put(String name, Object value) {
            values.put(name, value);
            return this;
        }

        /** The parameters in a stable order, as part of a cache key. */
        public String key() {
            return new java.util.TreeMap<>(values).toString();
        }

        Params copy() {
            Params copy = new Params();
            copy.values.putAll(values);
            return copy;
        }
    }
}
