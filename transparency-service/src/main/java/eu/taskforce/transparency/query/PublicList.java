package eu.taskforce.transparency.query;

import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;

import java.util.List;
import java.util.function.Function;

/**
 * A public list of the register: its query (shared by the JSON pages and the CSV export), its CSV columns and the
 * export's file name. {@code rest/PublicHttp} turns a {@link Selection} of it into a JSON page or a CSV stream, its
 * pages served from a cache while the register has not changed, unless the list {@code changesWithTime} (what it
 * shows also depends on the clock).
 */
public record PublicList<T>(ListQuery<T> query, List<Column<T>> columns, String filename, boolean changesWithTime) {

    public PublicList(ListQuery<T> query, List<Column<T>> columns, String filename) {
        this(query, columns, filename, false);
    }

    /** The same list, whose rows also depend on the clock: its pages are never served from a cache. */
    public PublicList<T> changingWithTime() {
        return new PublicList<>(query, columns, filename, true);
    }

    /** A CSV column: its header and how to read it from an item. */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    /** The whole list, with no parameter but the served generation. */
    public Selection<T> all() {
        return new Selection<>(this, Params.of());
    }

    /** The list with the named parameters its query uses. */
    public Selection<T> with(Params params) {
        return new Selection<>(this, params);
    }

    /**
     * A list with the parameters and filters of one request: each filter given adds its condition and its named
     * parameter, so that the JSON page and the CSV export of a list filter alike.
     */
    public record Selection<T>(PublicList<T> list, Params params) {

        /** Adds {@code condition} (which names {@code :name}) when {@code value} is given. */
        public Selection<T> when(Object value, String name, String condition) {
            if (value == null) {
                return this;
            }
            return new Selection<>(new PublicList<>(list.query().and(condition), list.columns(), list.filename(),
                    list.changesWithTime()), params.copy().put(name, value));
        }

        public ListQuery<T> query() {
            return list.query();
        }
    }
}
