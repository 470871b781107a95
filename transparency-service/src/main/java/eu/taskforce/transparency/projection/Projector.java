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
import java.util.Collection;
import java.util.LinkedHashSet;
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
    private final MembershipProjector membership;
    private final MeetingProjector meetings;
    private final GuidanceProjector guidance;
    private final VademecumProjector vademecum;

    public Projector(EntityManager em, MembershipProjector membership, MeetingProjector meetings,
                     GuidanceProjector guidance, VademecumProjector vademecum) {
        this.em = em;
        this.membership = membership;
        this.meetings = meetings;
        this.guidance = guidance;
        this.vademecum = vademecum;
    }

    /** Applies a first delivery of {@code entry} to generation {@code generation}. */
    public void apply(int generation, RegisterEntry entry) {
        lockAggregates(List.of(generation), List.of(entry));
        applyAll(generation, List.of(entry));
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
     * each entry is stored, then each aggregate's rows are computed once from all its entries.
     */
    public void applyAll(int generation, List<RegisterEntry> entries) {
        Set<Map.Entry<AggregateType, UUID>> aggregates = new LinkedHashSet<>();
        for (RegisterEntry entry : entries) {
            em.createNativeQuery("""
                            insert into register_event (generation, event_id, aggregate_type, aggregate_id, type, occurred_at, data)
                            values (:generation, :eventId, :aggregateType, :aggregateId, :type, :occurredAt, :data)
                            on conflict do nothing""")
                    .setParameter("generation", generation).setParameter("eventId", entry.eventId())
                    .setParameter("aggregateType", entry.aggregateType().name())
                    .setParameter("aggregateId", entry.aggregateId()).setParameter("type", entry.type().type())
                    .setParameter("occurredAt", Times.utc(entry.occurredAt())).setParameter("data", entry.data().toString())
                    .executeUpdate();
            aggregates.add(Map.entry(entry.aggregateType(), entry.aggregateId()));
        }
        aggregates.forEach(aggregate -> project(generation, aggregate.getKey(), aggregate.getValue()));
    }

    private void project(int generation, AggregateType type, UUID id) {
        List<StoredEvent> events = events(generation, type, id);
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

    private List<StoredEvent> events(int generation, AggregateType aggregateType, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select type, occurred_at, data from register_event
                        where generation = :g and aggregate_type = :t and aggregate_id = :id
                        order by occurred_at, event_id""")
                .setParameter("g", generation).setParameter("t", aggregateType.name()).setParameter("id", id)
                .getResultList();
        return rows.stream().map(row -> new StoredEvent(EventTypes.byType((String) row[0]).orElseThrow(),
                Times.instant(row[1]), (String) row[2])).toList();
    }
}
