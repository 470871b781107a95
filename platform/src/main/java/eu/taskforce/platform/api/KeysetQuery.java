package eu.taskforce.platform.api;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One page of a list of entities, by keyset: the rows after the cursor's sort key, in a stable order, at most
 * {@code limit} of them, and the cursor of the next page ({@link Page#of}). A service names the entity, its alias and
 * id, adds its filters, picks the order, and asks for a page:
 *
 * <pre>{@code
 * return KeysetQuery.of(Meeting.class, "m", m -> m.id)
 *         .filter("m.status = :status", "status", filter.status())
 *         .byTime("startsAt", m -> m.startsAt)
 *         .changedSince(filter.updatedSince(), m -> m.updatedAt)
 *         .page(cursor, limit);
 * }</pre>
 *
 * Every order but a unique key's breaks ties on the id, so no row is skipped or shown twice between pages; the cursor
 * holds the last row's key (a time as an ISO-8601 instant, a name lower-cased, the id) and a tampered one is a 400.
 */
public final class KeysetQuery<E> {

    /** The sort key of an order, as HQL, and how it goes into a cursor and comes back out of one. */
    private record Order<E>(String key, boolean descending, boolean tieBreak, Function<E, String> cursorPart,
                            Function<String, Object> parse) {
    }

    private final Class<E> entity;
    private final String alias;
    private final Function<E, UUID> id;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private Order<E> order;
    private Order<E> sync; // with updatedSince: takes the place of the order, whichever was chosen first

    private KeysetQuery(Class<E> entity, String alias, Function<E, UUID> id) {
        this.entity = entity;
        this.alias = alias;
        this.id = id;
    }

    /** A list of {@code entity} (named {@code alias} in conditions), whose orders break ties on {@code id}. */
    public static <E> KeysetQuery<E> of(Class<E> entity, String alias, Function<E, UUID> id) {
        return new KeysetQuery<>(entity, alias, id);
    }

    /** A list of {@code entity} that is ordered by a unique key only ({@link #byId}, {@link #byNumber}). */
    public static <E> KeysetQuery<E> of(Class<E> entity, String alias) {
        return new KeysetQuery<>(entity, alias, null);
    }

    /** Only the rows that meet {@code condition} (HQL over the alias); its parameters follow with {@link #with}. */
    public KeysetQuery<E> where(String condition) {
        where.append(where.isEmpty() ? " where (" : " and (").append(condition).append(')');
        return this;
    }

    /** A named parameter of a condition. */
    public KeysetQuery<E> with(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public KeysetQuery<E> where(String condition, String name, Object value) {
        return where(condition).with(name, value);
    }

    /** A filter the client may leave out: the condition applies only when {@code value} is given. */
    public KeysetQuery<E> filter(String condition, String name, Object value) {
        return value == null ? this : where(condition, name, value);
    }

    /** Oldest first by a time ({@code field} of the alias), then by id. */
    public KeysetQuery<E> byTime(String field, Function<E, OffsetDateTime> time) {
        return orderBy(timeOrder(alias + "." + field, false, time));
    }

    /** Newest first by a time ({@code field} of the alias), then by id. */
    public KeysetQuery<E> newestFirst(String field, Function<E, OffsetDateTime> time) {
        return orderBy(timeOrder(alias + "." + field, true, time));
    }

    /** By a name ({@code field} of the alias) regardless of case, then by id. */
    public KeysetQuery<E> byName(String field, Function<E, String> name) {
        return orderBy(new Order<>("lower(" + alias + "." + field + ")", false, true,
                row -> name.apply(row).toLowerCase(Locale.ROOT), part -> part));
    }

    /** By a unique id ({@code path} of the alias): no tie to break. */
    public KeysetQuery<E> byId(String path, Function<E, UUID> key) {
        return orderBy(new Order<>(alias + "." + path, false, false, row -> key.apply(row).toString(), Cursor::uuid));
    }

    /** By a unique number ({@code field} of the alias). */
    public KeysetQuery<E> byNumber(String field, ToIntFunction<E> number) {
        return orderBy(new Order<>(alias + "." + field, false, false,
                row -> Integer.toString(number.applyAsInt(row)), Cursor::integer));
    }

    /**
     * For incremental sync: given a time, only the rows changed at or after it ({@code updatedAt} of the alias), ordered
     * by time of change, whatever order was chosen; without one, nothing changes.
     */
    public KeysetQuery<E> changedSince(OffsetDateTime since, Function<E, OffsetDateTime> updatedAt) {
        if (since == null) {
            return this;
        }
        where(alias + ".updatedAt >= :since", "since", since);
        sync = timeOrder(alias + ".updatedAt", false, updatedAt);
        return this;
    }

    /** The page after {@code cursor} (the first page without one). */
    public Page<E> page(String cursor, int limit) {
        Statement statement = statement(cursor);
        TypedQuery<E> query = Panache.getEntityManager(entity).createQuery(statement.hql(), entity)
                .setMaxResults(limit + 1);
        statement.parameters().forEach(query::setParameter);
        return Page.of(query.getResultList(), limit, row -> row, this::cursorOf);
    }

    /** The HQL of the rows after {@code cursor} and its parameters (apart from running it: for unit tests). */
    record Statement(String hql, Map<String, Object> parameters) {
    }

    Statement statement(String cursor) {
        Order<E> order = order();
        StringBuilder hql = new StringBuilder("from ").append(entity.getSimpleName()).append(' ').append(alias)
                .append(where);
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        if (cursor != null) {
            List<String> after = Cursor.decode(cursor, order.tieBreak() ? 2 : 1);
            hql.append(where.isEmpty() ? " where (" : " and (").append(order.key())
                    .append(order.descending() ? " < " : " > ").append(":afterKey");
            if (order.tieBreak()) {
                hql.append(" or (").append(order.key()).append(" = :afterKey and ").append(alias)
                        .append(".id > :afterId)");
                all.put("afterId", Cursor.uuid(after.get(1)));
            }
            hql.append(')');
            all.put("afterKey", order.parse().apply(after.get(0)));
        }
        hql.append(" order by ").append(order.key()).append(order.descending() ? " desc" : "");
        if (order.tieBreak()) {
            hql.append(", ").append(alias).append(".id");
        }
        return new Statement(hql.toString(), all);
    }

    /** The cursor of the page that starts after {@code row}. */
    String cursorOf(E row) {
        Order<E> order = order();
        return order.tieBreak() ? Cursor.encode(order.cursorPart().apply(row), id.apply(row).toString())
                : Cursor.encode(order.cursorPart().apply(row));
    }

    private Order<E> order() {
        Order<E> chosen = sync != null ? sync : order;
        if (chosen == null || (chosen.tieBreak() && id == null)) {
            throw new IllegalStateException("A keyset query needs an order, and an id to break its ties");
        }
        return chosen;
    }

    private KeysetQuery<E> orderBy(Order<E> order) {
        this.order = order;
        return this;
    }

    private static <E> Order<E> timeOrder(String key, boolean descending, Function<E, OffsetDateTime> time) {
        return new Order<>(key, descending, true, row -> time.apply(row).toInstant().toString(), Cursor::timestamp);
    }
}
