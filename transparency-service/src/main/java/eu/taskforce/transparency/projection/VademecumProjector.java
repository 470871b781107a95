package eu.taskforce.transparency.projection;

import eu.taskforce.contracts.membership.VademecumPublished;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** The rows of the Vademecum: one per published edition, as its event carried it (names only as commitments). */
@Singleton // called by Projector only, within its transaction
class VademecumProjector extends AggregateRows {

    VademecumProjector(RowWrites writes) {
        super(writes);
    }

    /** A published edition never changes: it has one event (a redelivery is the same event). */
    void edition(int g, UUID id, List<StoredEvent> events) {
        VademecumPublished edition = events.get(events.size() - 1).as(VademecumPublished.class);
        delete(g, "vademecum_edition", "id", id);
        writes.insert("""
                        insert into vademecum_edition (generation, id, number, published_on, published_at, sections,
                            participants, updated_at)
                        values (:g, :id, :number, :publishedOn, :publishedAt, :sections, :participants, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("number", edition.number())
                .setParameter("publishedOn", edition.publishedOn()).setParameter("publishedAt", edition.publishedAt())
                .setParameter("sections", json(edition.sections()))
                .setParameter("participants", json(edition.participants()))
                .setParameter("updated", updated(events)).queue();
    }
}
