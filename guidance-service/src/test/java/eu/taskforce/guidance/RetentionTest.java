package eu.taskforce.guidance;

import eu.taskforce.platform.retention.Retention;
import eu.taskforce.platform.testing.Purges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.platform.testing.Purges.MARGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * This service's retention rule, on feedback planted with SQL (in a closed window of a draft document of its own, so
 * that no scheduled job or list takes it up; all deleted afterwards): the text of an item withdrawn longer ago than the
 * period is emptied, in the item and in every revision of it; a younger withdrawal and an item not withdrawn keep theirs.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    final UUID document = UUID.randomUUID();
    final UUID version = UUID.randomUUID();
    final UUID window = UUID.randomUUID();

    @BeforeEach
    void plantWindow() {
        OffsetDateTime opened = OffsetDateTime.now(ZoneOffset.UTC).minusYears(1);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            insert into guidance_document (id, title, kind, status, code_edition, created_by, created_at,
                                                           updated_at)
                            values (:id, 'Retention test', 'OTHER', 'DRAFT', '2025-07-10', 'office', :at, :at)""")
                    .setParameter("id", document).setParameter("at", opened).executeUpdate();
            entityManager.createNativeQuery("""
                            insert into guidance_version (id, document_id, number, status, created_by, created_at,
                                                          updated_at)
                            values (:id, :document, 1, 'PUBLISHED', 'office', :at, :at)""")
                    .setParameter("id", version).setParameter("document", document).setParameter("at", opened)
                    .executeUpdate();
            entityManager.createNativeQuery("""
                            insert into input_window (id, document_id, version_id, opens_at, closes_at, status, closed_at,
                                                      created_by, created_at, updated_at)
                            values (:id, :document, :version, :at, :closes, 'CLOSED', :closes, 'office', :at, :closes)""")
                    .setParameter("id", window).setParameter("document", document).setParameter("version", version)
                    .setParameter("at", opened).setParameter("closes", opened.plusDays(1)).executeUpdate();
        });
    }

    @AfterEach
    void removePlanted() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of(
                    "delete from feedback_revision where feedback_id in (select id from feedback where window_id = :w)",
                    "delete from feedback where window_id = :w", "delete from input_window where id = :w")) {
                entityManager.createNativeQuery(sql).setParameter("w", window).executeUpdate();
            }
            entityManager.createNativeQuery("delete from guidance_version where id = :v").setParameter("v", version)
                    .executeUpdate();
            entityManager.createNativeQuery("delete from guidance_document where id = :d").setParameter("d", document)
                    .executeUpdate();
        });
    }

    @Test
    void theServiceRunsItsOwnRuleBesideThePlatforms() {
        assertThat(retention.rules()).contains("feedback-withdrawn-text", "idempotency-key", "outbox-published",
                "audit-subject");
        assertThat(retention.period("feedback-withdrawn-text")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theTextOfFeedbackWithdrawnLongEnoughAgoIsEmptiedWithItsRevisions() {
        OffsetDateTime pastPeriod = past().minus(MARGIN);
        UUID oldWithdrawn = plantFeedback("confidential text one", true, pastPeriod);
        UUID youngWithdrawn = plantFeedback("confidential text two", true, past().plus(MARGIN));
        UUID oldKept = plantFeedback("confidential text three", false, pastPeriod.minusDays(100));

        Map<String, Long> purged = retention.purgeNow();

        assertThat(purged.get("feedback-withdrawn-text")).isPositive();
        assertThat(texts(oldWithdrawn)).containsExactly("", "", "", "");
        // the change is visible to a mirror syncing by updatedSince and to a client holding the ETag
        assertThat(count("select count(*) from feedback where id = :id and version = 1 and updated_at > :at",
                oldWithdrawn, pastPeriod)).isOne();
        assertThat(texts(youngWithdrawn)).containsExactly("confidential text two",
                "confidential text two (first draft)", "confidential text two", "confidential text two");
        assertThat(texts(oldKept)).containsExactly("confidential text three",
                "confidential text three (first draft)", "confidential text three");
    }

    @Test
    void twoPurgesAtOnceNeitherFailNorCountAnItemTwice() throws Exception {
        retention.purgeNow(); // what other tests left past its period
        int planted = 30;
        for (int i = 0; i < planted; i++) {
            plantFeedback("withdrawn text " + i, true, past().minus(MARGIN));
        }

        long total = Purges.twoAtOnce(retention).get("feedback-withdrawn-text");

        assertThat(total).isEqualTo(planted);
        assertThat(count("select count(*) from feedback where window_id = :id and text = '' and version = 1",
                window, null)).isEqualTo(planted);
        assertThat(count("""
                select count(*) from feedback_revision r join feedback f on f.id = r.feedback_id
                where f.window_id = :id and r.text <> ''""", window, null)).isZero();
    }

    OffsetDateTime past() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(retention.period("feedback-withdrawn-text"));
    }

    /**
     * A confidential item of organisation A with its history: a first draft, the text edited, and (if {@code withdrawn})
     * the withdrawal, its last change at {@code lastChange}.
     */
    UUID plantFeedback(String text, boolean withdrawn, OffsetDateTime lastChange) {
        UUID id = UUID.randomUUID();
        int revisions = withdrawn ? 3 : 2;
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            insert into feedback (id, window_id, organisation_id, text, attribution, visibility, withdrawn,
                                                  revision, submitted_by, created_at, updated_at)
                            values (:id, :window, :organisation, :text, 'ATTRIBUTED', 'CONFIDENTIAL', :withdrawn,
                                    :revisions, 'member-a', :created, :updated)""")
                    .setParameter("id", id).setParameter("window", window).setParameter("organisation", ORG_A)
                    .setParameter("text", text).setParameter("withdrawn", withdrawn)
                    .setParameter("revisions", revisions)
                    .setParameter("created", lastChange.minusHours(2)).setParameter("updated", lastChange)
                    .executeUpdate();
            revision(id, 1, text + " (first draft)", false, lastChange.minusHours(2));
            revision(id, 2, text, false, lastChange.minusHours(withdrawn ? 1 : 0));
            if (withdrawn) {
                revision(id, 3, text, true, lastChange);
            }
        });
        return id;
    }

    void revision(UUID feedback, int number, String text, boolean withdrawn, OffsetDateTime at) {
        entityManager.createNativeQuery("""
                        insert into feedback_revision (feedback_id, revision, text, attribution, visibility, withdrawn,
                                                       changed_by, changed_at)
                        values (:id, :number, :text, 'ATTRIBUTED', 'CONFIDENTIAL', :withdrawn, 'member-a', :at)""")
                .setParameter("id", feedback).setParameter("number", number).setParameter("text", text)
                .setParameter("withdrawn", withdrawn).setParameter("at", at)
                .executeUpdate();
    }

    /** The item's text, then its revisions' oldest first. */
    @SuppressWarnings("unchecked")
    List<String> texts(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        select text from (
                            select 0 as n, text from feedback where id = :id
                            union all
                            select revision, text from feedback_revision where feedback_id = :id) t
                        order by n""")
                .setParameter("id", id).getResultList());
    }

    long count(String sql, UUID id, OffsetDateTime at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql).setParameter("id", id);
            if (at != null) {
                query.setParameter("at", at);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
