package eu.taskforce.transparency.query;

import eu.taskforce.transparency.domain.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the Atom feed reads: the latest log entries, and the public labels of the aggregates they name. */
@ApplicationScoped
public class FeedQueries {

    private final EntityManager em;

    public FeedQueries(EntityManager em) {
        this.em = em;
    }

    /** A log entry as the feed tells it: its canonical JSON, the entry it corrects (if any), when it was appended. */
    public record LoggedEntry(long sequence, String type, String canonical, Long corrects, Instant appendedAt) {
    }

    /** The latest {@code limit} entries, newest first. */
    public List<LoggedEntry> latest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, type, canonical, corrects, appended_at from log_entry
                        order by sequence desc limit :limit""").setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new LoggedEntry(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], row[3] == null ? null : ((Number) row[3]).longValue(), Times.instant(row[4]))).toList();
    }

    /** The served names of organisations and ad-hoc groups, titles of meetings, topics of requests, by id. */
    public Map<String, String> labels(Collection<UUID> ids) {
        Map<String, String> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with serving as (select generation from register_generation where status = 'SERVING')
                        select cast(id as text), name from organisation
                         where generation = (select generation from serving) and id in (:ids)
                        union all select cast(id as text), title from meeting
                         where generation = (select generation from serving) and id in (:ids)
                        union all select cast(id as text), topic from meeting_request
                         where generation = (select generation from serving) and id in (:ids)
                        union all select cast(id as text), name from ad_hoc_group
                         where generation = (select generation from serving) and id in (:ids)""")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            if (row[1] != null) {
                labels.put((String) row[0], (String) row[1]);
            }
        }
        return labels;
    }
}
