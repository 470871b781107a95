package eu.taskforce.transparency.projection;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.transparency.domain.AggregateType;
import eu.taskforce.transparency.domain.RegisterEntry;
import eu.taskforce.transparency.domain.Times;
import eu.taskforce.transparency.ingest.Ingest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the read model of one generation. An entry is stored with its aggregate's other entries, and the aggregate's
 * rows are computed again from all of them, sorted by (time, event id): the result depends only on which events
 * arrived, never on the order they arrived in, so duplicates, redeliveries out of order and an event that refers to
 * an aggregate not seen yet (its rows wait, incomplete, for the rest) all converge to the same register. Each family
 * of aggregates has its projector: {@link MembershipProjector}, {@link MeetingProjector}, {@link GuidanceProjector}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Projector {

    private final EntityManager em;
    private final RowWrites writes;
    private final MembershipProjector membership;
    private final MeetingProjector meetings;
    private final GuidanceProjector guidance;
    private final VademecumProjector vademecum;

    public Projector(EntityManager em, RowWrites writes, MembershipProjector membership, MeetingProjector meetings,
                     GuidanceProjector guidance, VademecumProjector vademecum) {
        this.em = em;
        this.writes = writes;
        this.membership = membership;
        this.meetings = meetings;
        this.guidance = guidance;
        this.vademecum = vademecum;
    }

    /**
     * Takes the lock of each entry's aggregate in each generation, until the transaction ends: one writer per aggregate
     * at a time (the live and the rebuild consumer may both write a generation). Taken in one order (of their keys'
     * hashes) and before the log's lock, so that two transactions that each hold several never deadlock.
     */
    public void lockAggregates(Collection<Integer> generations, Collection<RegisterEntry> entries) {
        Set<String> keys = new TreeSet<>();
        for (int generation : generations) {
            entries.forEach(entry -> keys.add(generation + ":" + entry.aggregateId()));
        }
        if (keys.size() == 1) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .setParameter("key", keys.iterator().next()).getSingleResult();
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    select pg_advisory_xact_lock(h)
                    from (select distinct hashtextextended(key, 0) h from unnest(?) key order by h) ordered""")) {
                lock.setArray(1, connection.createArrayOf("text", keys.toArray()));
                lock.executeQuery().close();
            }
        });
    }

    /**
     * Applies first deliveries to generation {@code generation}, their aggregates' locks held ({@link #lockAggregates}):
     * the entries are stored in one JDBC batch, every entry of their aggregates read in one query, each aggregate's rows
     * computed once from all its entries, and those rows written in a few set-based statements ({@link RowWrites}).
     */
    public void applyAll(int generation, List<RegisterEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        store(generation, entries);
        Map<Aggregate, List<StoredEvent>> events = events(generation,
                entries.stream().map(entry -> new Aggregate(entry.aggregateType(), entry.aggregateId())).distinct().toList());
        events.forEach((aggregate, its) -> project(generation, aggregate.type(), aggregate.id(), its));
        writes.flush();
    }

    /** An aggregate: its type and id. */
    private record Aggregate(AggregateType type, UUID id) {
    }

    private void store(int generation, List<RegisterEntry> entries) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into register_event (generation, event_id, aggregate_type, aggregate_id, type, occurred_at, data)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (RegisterEntry entry : entries) {
                    insert.setInt(1, generation);
                    insert.setString(2, entry.eventId());
                    insert.setString(3, entry.aggregateType().name());
                    insert.setObject(4, entry.aggregateId());
                    insert.setString(5, entry.type().type());
                    insert.setObject(6, Times.utc(entry.occurredAt()));
                    insert.setString(7, entry.data().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private void project(int generation, AggregateType type, UUID id, List<StoredEvent> events) {
        switch (type) {
            case ORGANISATION -> membership.organisation(generation, id, events);
            case STAKEHOLDER -> membership.stakeholder(generation, id, events);
            case AD_HOC_GROUP -> membership.adHocGroup(generation, id, events);
            case MEETING -> meetings.meeting(generation, id, events);
            case MEETING_REQUEST -> meetings.request(generation, id, events);
            case DECISION -> meetings.decision(generation, id, events);
            case CADENCE -> meetings.cadence(generation, id, events);
            case GUIDANCE_DOCUMENT -> guidance.guidanceDocument(generation, id, events);
            case INPUT_WINDOW -> guidance.window(generation, id, events);
            case EVIDENCE -> guidance.evidence(generation, id, events);
            case VADEMECUM_EDITION -> vademecum.edition(generation, id, events);
        }
    }

    /** Drops every row of a generation (after a switch, or a failed rebuild). */
    public void delete(int generation) {
        for (String table : List.of("register_event", "organisation", "membership_period", "representative",
                "stakeholder", "ad_hoc_group", "ad_hoc_group_participant", "meeting", "meeting_request", "decision",
                "cadence_warning", "search_document", "guidance_document", "guidance_version", "input_window", "feedback",
                "evidence", "ad_hoc_group_stakeholder", "meeting_stakeholder",
                "meeting_paper", "vademecum_edition")) {
            em.createNativeQuery("delete from " + table + " where generation = :g").setParameter("g", generation)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from processed_event where consumer = :consumer")
                .setParameter("consumer", Ingest.consumer(generation)).executeUpdate();
    }

    /** Every stored entry of each aggregate, sorted by (time, event id); the aggregates in the order given. */
    private Map<Aggregate, List<StoredEvent>> events(int generation, List<Aggregate> aggregates) {
        Map<Aggregate, List<StoredEvent>> events = new LinkedHashMap<>();
        aggregates.forEach(aggregate -> events.put(aggregate, new ArrayList<>()));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select e.aggregate_type, e.aggregate_id, e.type, e.occurred_at, e.data from register_event e
                    where e.generation = ?
                      and (e.aggregate_type, e.aggregate_id) in (select * from unnest(?::varchar[], ?::uuid[]))
                    order by e.aggregate_type, e.aggregate_id, e.occurred_at, e.event_id""")) {
                select.setInt(1, generation);
                select.setArray(2, connection.createArrayOf("varchar",
                        aggregates.stream().map(aggregate -> aggregate.type().name()).toArray()));
                select.setArray(3, connection.createArrayOf("uuid", aggregates.stream().map(Aggregate::id).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.get(new Aggregate(AggregateType.valueOf(rows.getString(1)), rows.getObject(2, UUID.class)))
                                .add(new StoredEvent(EventTypes.byType(rows.getString(3)).orElseThrow(),
                                        rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getString(5)));
                    }
                }
            }
        });
        return events;
    }
}
