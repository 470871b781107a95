package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The query a keyset page runs and the cursors it hands out, without a database (the services' tests run them). */
class KeysetQueryTest {

    /** Stands for an entity: the query names the class's simple name. */
    static final class Item {
        UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        String name = "Ärzte Straße";
        int number = 7;
        OffsetDateTime createdAt = OffsetDateTime.parse("2026-01-30T10:00:00+01:00");
        OffsetDateTime updatedAt = OffsetDateTime.parse("2026-02-01T09:00:00Z");
    }

    static final UUID AFTER_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    static KeysetQuery<Item> items() {
        return KeysetQuery.of(Item.class, "i", item -> item.id);
    }

    @Test
    void newestFirstBreaksTiesOnTheIdAndContinuesAfterTheCursor() {
        KeysetQuery<Item> query = items().filter("i.kind = :kind", "kind", "A").filter("i.gone = :gone", "gone", null)
                .newestFirst("createdAt", item -> item.createdAt);
        assertThat(query.statement(null).hql()).isEqualTo("from Item i where (i.kind = :kind) order by i.createdAt desc, i.id");
        String cursor = query.cursorOf(new Item());
        assertThat(cursor).isEqualTo(Cursor.encode("2026-01-30T09:00:00Z", "00000000-0000-0000-0000-00000000000a"));

        KeysetQuery.Statement next = query.statement(Cursor.encode("2026-01-30T09:00:00Z", AFTER_ID.toString()));
        assertThat(next.hql()).isEqualTo("from Item i where (i.kind = :kind) and (i.createdAt < :afterKey"
                + " or (i.createdAt = :afterKey and i.id > :afterId)) order by i.createdAt desc, i.id");
        assertThat(next.parameters()).containsExactly(entry("kind", "A"),
                entry("afterId", AFTER_ID), entry("afterKey", OffsetDateTime.parse("2026-01-30T09:00:00Z")));
    }

    @Test
    void withUpdatedSinceTheListIsNarrowedAndOrderedByTimeOfChange() {
        OffsetDateTime since = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        KeysetQuery<Item> query = items().changedSince(since, item -> item.updatedAt).byName("name", item -> item.name);
        assertThat(query.statement(Cursor.encode("2026-02-01T09:00:00Z", AFTER_ID.toString())).hql())
                .isEqualTo("from Item i where (i.updatedAt >= :since) and (i.updatedAt > :afterKey"
                        + " or (i.updatedAt = :afterKey and i.id > :afterId)) order by i.updatedAt, i.id");
        assertThat(query.cursorOf(new Item())).isEqualTo(Cursor.encode("2026-02-01T09:00:00Z", new Item().id.toString()));
        // without a time, the list's own order
        assertThat(items().changedSince(null, item -> item.updatedAt).byName("name", item -> item.name)
                .statement(null).hql()).isEqualTo("from Item i order by lower(i.name), i.id");
    }

    @Test
    void aNameSortsRegardlessOfCaseAndAUniqueKeyAlone() {
        KeysetQuery<Item> byName = items().byName("name", item -> item.name);
        assertThat(byName.cursorOf(new Item())).isEqualTo(Cursor.encode("ärzte straße", new Item().id.toString()));
        assertThat(byName.statement(Cursor.encode("m", AFTER_ID.toString())).hql()).isEqualTo("from Item i"
                + " where (lower(i.name) > :afterKey or (lower(i.name) = :afterKey and i.id > :afterId))"
                + " order by lower(i.name), i.id");

        KeysetQuery<Item> byNumber = KeysetQuery.of(Item.class, "i").where("i.owner = :owner", "owner", AFTER_ID)
                .byNumber("number", item -> item.number);
        assertThat(byNumber.cursorOf(new Item())).isEqualTo(Cursor.encode("7"));
        KeysetQuery.Statement next = byNumber.statement(Cursor.encode("7"));
        assertThat(next.hql()).isEqualTo("from Item i where (i.owner = :owner) and (i.number > :afterKey) order by i.number");
        assertThat(next.parameters()).containsEntry("afterKey", 7);

        assertThat(KeysetQuery.of(Item.class, "i").byId("id", item -> item.id).statement(Cursor.encode(AFTER_ID.toString()))
                .parameters()).containsExactly(entry("afterKey", AFTER_ID));
    }

    @Test
    void aTamperedCursorIsA400() {
        for (String cursor : new String[] {"not-a-cursor", Cursor.encode("yesterday", AFTER_ID.toString()),
                Cursor.encode("2026-01-30T09:00:00Z", "42"), Cursor.encode("2026-01-30T09:00:00Z")}) {
            assertThatThrownBy(() -> items().byTime("createdAt", item -> item.createdAt).statement(cursor))
                    .as(cursor).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThatThrownBy(() -> KeysetQuery.of(Item.class, "i").byNumber("number", item -> item.number)
                .statement(Cursor.encode("seven"))).isInstanceOf(ProblemException.class);
    }

    @Test
    void anOrderIsRequiredAndATieBreakNeedsAnId() {
        assertThatThrownBy(() -> items().statement(null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeysetQuery.of(Item.class, "i").byTime("createdAt", item -> item.createdAt)
                .statement(null)).isInstanceOf(IllegalStateException.class);
    }
}
