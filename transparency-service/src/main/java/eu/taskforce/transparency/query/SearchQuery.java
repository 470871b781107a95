package eu.taskforce.transparency.query;

import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.SearchHit;

import java.util.Set;

import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/**
 * Full-text search over the register's documents (PostgreSQL: a stored tsvector with a GIN index, English stemming,
 * websearch_to_tsquery so that "quoted phrases", OR and -exclusions work as in a search engine). Hits by relevance
 * among the newest {@value #RANKED} matches (ADR 0015): no index orders by rank, so ranking every match of a frequent
 * word made its cost grow with the register; the newest matches are read through an index on the documents' time.
 */
public final class SearchQuery {

    /** How many of the newest matches are ranked and answered. */
    public static final int RANKED = 1000;
    private static final Set<String> MEETING_DOCUMENTS = Set.of("AGENDA", "SUMMARY");
    private static final String QUERY = "websearch_to_tsquery('english', :q)";
    private static final String RANK = "ts_rank(d.search, " + QUERY + ")";
    public static final ListQuery<SearchHit> SEARCH = new ListQuery<>(
            "d.document_type, d.document_id, d.title, d.occurred_on, " + RANK + " as rank, ts_headline('english', d.body, "
                    + QUERY + ", 'StartSel=«, StopSel=», MaxWords=35, MinWords=15') as snippet",
            "(select d.* from search_document d where d.generation = :g and d.search @@ " + QUERY
                    + " order by d.occurred_on desc nulls last, d.document_type, d.document_id limit :ranked) d where true",
            // relevance first (as text that sorts like it), then a stable id
            "to_char(1000000000 - least(round((" + RANK + " * 1000000)::numeric), 999999999), 'FM0000000000')",
            "(d.document_type || '/' || d.document_id)", "d.updated_at",
            row -> new SearchHit(row.getString("document_type"), MEETING_DOCUMENTS.contains(row.getString("document_type"))
                    ? uuid(row, "document_id") : null, uuid(row, "document_id"),
                    row.getString("title"), row.getString("snippet"), time(row, "occurred_on"),
                    row.getDouble("rank")))
            // newest first through the documents' time index for a frequent word, through the GIN index for a rare one:
            // the plan depends on the word, which a plan made once for any word does not know
            .planPerCall();

    /** The parameters of a search for {@code q}. */
    public static Params params(String q) {
        return Params.of().put("q", q).put("ranked", RANKED);
    }

    private SearchQuery() {
    }
}
