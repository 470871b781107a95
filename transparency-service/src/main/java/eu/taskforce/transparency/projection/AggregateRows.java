package eu.taskforce.transparency.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.transparency.domain.Times;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the projectors of every aggregate family share: deleting an aggregate's rows of a generation, writing a search
 * document (both through {@link RowWrites}), and the values as the rows store them (JSON, enums by name, an aggregate's last change).
 */
abstract class AggregateRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the rows go: held until the projection of a batch ends ({@link RowWrites#flush}). */
    protected final RowWrites writes;

    AggregateRows(RowWrites writes) {
        this.writes = writes;
    }

    void delete(int g, String table, String column, UUID id) {
        writes.delete(g, table, column, id);
    }

    void searchDocument(int g, String type, UUID id, String title, String body, OffsetDateTime on,
                        OffsetDateTime updated) {
        String shortTitle = title.length() > 300 ? title.substring(0, 300) : title; // the column's size
        writes.insert("""
                        insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
                        values (:g, :type, :id, :title, :body, :on, :updated)""")
                .setParameter("g", g).setParameter("type", type).setParameter("id", id).setParameter("title", shortTitle)
                .setParameter("body", body).setParameter("on", on).setParameter("updated", updated).queue();
    }

    /** The later of two states in a lifecycle ({@code order}), so that a tie in time cannot move an aggregate back. */
    static String later(List<String> order, String current, String next) {
        return current == null || order.indexOf(next) > order.indexOf(current) ? next : current;
    }

    /** An aggregate's last change: the time of its latest event, so that a rebuild gives the same value. */
    static OffsetDateTime updated(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::at).max(Instant::compareTo).map(Times::utc).orElseThrow();
    }

    static String chapters(Set<Chapter> chapters) {
        return new TreeSet<>(chapters).stream().map(Chapter::name).collect(Collectors.joining(","));
    }

    static String commitment(PersonalField field) {
        return field == null ? null : field.commitment();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(JSON.readTree(EventJson.write(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
