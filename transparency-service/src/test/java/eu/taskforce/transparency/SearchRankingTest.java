package eu.taskforce.transparency;

import eu.taskforce.transparency.query.ReadModel;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.ReadModel.Row;
import eu.taskforce.transparency.query.RegisterDtos.SearchHit;
import eu.taskforce.transparency.query.SearchQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search ranks by relevance the newest {@link SearchQuery#RANKED} matches (ADR 0015): within them the most relevant
 * first, whatever their age; a match older than those is not answered. Documents written into the served generation
 * here (three are enough with a bound of two, asked of the query directly).
 */
@QuarkusTest
class SearchRankingTest {

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager em;

    final String word = "zyx" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    final UUID oldest = UUID.randomUUID(), middle = UUID.randomUUID(), newest = UUID.randomUUID();

    @AfterEach
    void remove() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from search_document where document_id in (:a, :b, :c)").setParameter("a", oldest)
                .setParameter("b", middle).setParameter("c", newest).executeUpdate());
    }

    @Test
    void theNewestMatchesAreRankedByRelevanceAndPagedByCursor() {
        // the oldest holds the word in its title (weight A): the most relevant
        document(oldest, "On " + word, "Findings on " + word + ".", 2020);
        document(middle, "Study", "A passing mention of " + word + ".", 2021);
        document(newest, "Report", "A passing mention of " + word + ".", 2022);

        // all three within the bound (1000): most relevant first, and a cursor continues page after page
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", word).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/public/search").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.documentId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).hasSize(3).first().isEqualTo(oldest.toString());
        assertThat(paged).containsExactlyInAnyOrder(oldest.toString(), middle.toString(), newest.toString());

        // bound to the newest two: the oldest, most relevant as it is, is not among them
        Params newestTwo = Params.of().put("q", word).put("ranked", 2);
        List<Row<SearchHit>> first = readModel.page(SearchQuery.SEARCH, newestTwo, null, null, 1);
        assertThat(first).hasSize(2); // one hit and the one that says a next page exists
        List<Row<SearchHit>> second = readModel.page(SearchQuery.SEARCH, newestTwo, first.get(0).cursor(), null, 1);
        assertThat(second).hasSize(1);
        assertThat(List.of(first.get(0).item().documentId(), second.get(0).item().documentId()))
                .containsExactlyInAnyOrder(middle, newest);
    }

    void document(UUID id, String title, String body, int year) {
        OffsetDateTime at = OffsetDateTime.of(year, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
                        select generation, 'EVIDENCE', :id, :title, :body, :at, :at
                        from register_generation where status = 'SERVING'""")
                .setParameter("id", id).setParameter("title", title).setParameter("body", body).setParameter("at", at)
                .executeUpdate());
    }
}
