package eu.taskforce.meeting.service;

import eu.taskforce.platform.retention.Retention;
import eu.taskforce.platform.testing.Purges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.platform.testing.Purges.MARGIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * This service's retention rules, on rows planted with SQL just past their period and just within it: the purge clears
 * an invitation's personal data once its meeting ended long enough ago, and deletes calendar feeds revoked long
 * enough ago; nothing younger changes. The meetings are stakeholder sessions whose summary is published, so that no
 * scheduled check (cadence, overdue summaries) takes them up, and they are deleted afterwards.
 */
@QuarkusTest
class MeetingRetentionRulesTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    final List<UUID> meetings = new ArrayList<>();
    final List<UUID> feeds = new ArrayList<>();

    @AfterEach
    void removePlanted() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from meeting where id in (:ids)")
                    .setParameter("ids", meetings.isEmpty() ? List.of(UUID.randomUUID()) : meetings).executeUpdate();
            entityManager.createNativeQuery("delete from calendar_feed where id in (:ids)")
                    .setParameter("ids", feeds.isEmpty() ? List.of(UUID.randomUUID()) : feeds).executeUpdate();
        });
    }

    @Test
    void theServiceRunsItsOwnRulesBesideThePlatforms() {
        assertThat(retention.rules()).contains("invitation-personal-data", "calendar-feed-revoked",
                "idempotency-key", "outbox-published", "audit-subject");
        assertThat(retention.period("invitation-personal-data")).isEqualTo(Duration.ofDays(90));
        assertThat(retention.period("calendar-feed-revoked")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anInvitationForgetsTheInviteeOnceItsMeetingEndedLongEnoughAgo() {
        UUID old = plantMeeting(past("invitation-personal-data").minus(MARGIN));
        UUID young = plantMeeting(past("invitation-personal-data").plus(MARGIN));
        UUID oldPerson = plantPersonInvitation(old, "expert-" + old, "Dr Jane Expert", "subject-1");
        UUID oldOrganisation = plantOrganisationInvitation(old, "subject-2");
        UUID youngPerson = plantPersonInvitation(young, "expert-" + young, "Dr John Expert", "subject-3");

        Map<String, Long> purged = retention.purgeNow();

        assertThat(purged.get("invitation-personal-data")).isGreaterThanOrEqualTo(2);
        // the account name stays (who the invitation is for); the version moves, so an ETag held by a client is stale
        assertThat(invitation(oldPerson)).containsExactly("expert-" + old, null, null, 1L);
        assertThat(invitation(oldOrganisation)).containsExactly(null, null, null, 1L);
        assertThat(invitation(youngPerson)).containsExactly("expert-" + young, "Dr John Expert", "subject-3", 0L);
    }

    @Test
    void aRevokedCalendarFeedIsDeletedOnceItsPeriodHasPassed() {
        OffsetDateTime pastPeriod = past("calendar-feed-revoked").minus(MARGIN);
        UUID oldRevoked = plantFeed(pastPeriod.minusDays(10), pastPeriod);
        UUID youngRevoked = plantFeed(pastPeriod.minusDays(10), past("calendar-feed-revoked").plus(MARGIN));
        UUID oldActive = plantFeed(pastPeriod.minusDays(400), null);

        retention.purgeNow();

        assertThat(count("select count(*) from calendar_feed where id = :id", oldRevoked)).isZero();
        assertThat(count("select count(*) from calendar_feed where id = :id", youngRevoked)).isOne();
        assertThat(count("select count(*) from calendar_feed where id = :id", oldActive)).as("never revoked").isOne();
    }

    @Test
    void twoPurgesAtOnceNeitherFailNorCountAnInvitationTwice() throws Exception {
        retention.purgeNow(); // what other tests left past its period
        UUID meeting = plantMeeting(past("invitation-personal-data").minus(MARGIN));
        int planted = 30;
        for (int i = 0; i < planted; i++) {
            plantPersonInvitation(meeting, "guest-" + i + "-" + meeting, "Guest " + i, "subject-" + i);
        }

        long total = Purges.twoAtOnce(retention).get("invitation-personal-data");

        assertThat(total).isEqualTo(planted);
        assertThat(count("select count(*) from invitation where meeting_id = :id and display_name is null"
                + " and responded_by is null and version = 1", meeting)).isEqualTo(planted);
    }

    OffsetDateTime past(String rule) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(retention.period(rule));
    }

    UUID plantMeeting(OffsetDateTime endsAt) {
        UUID id = UUID.randomUUID();
        meetings.add(id);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into meeting (id, title, kind, format, starts_at, ends_at, time_zone, status,
                                             created_at, updated_at)
                        values (:id, 'Retention test', 'STAKEHOLDER_SESSION', 'ONLINE', :startsAt, :endsAt,
                                'Europe/Brussels', 'SUMMARY_PUBLISHED', :startsAt, :endsAt)""")
                .setParameter("id", id).setParameter("startsAt", endsAt.minusHours(2)).setParameter("endsAt", endsAt)
                .executeUpdate());
        return id;
    }

    UUID plantPersonInvitation(UUID meeting, String username, String displayName, String respondedBy) {
        return plantInvitation(meeting, "null, :username, :displayName", respondedBy,
                query -> query.setParameter("username", username).setParameter("displayName", displayName));
    }

    /** An invitation of member organisation A (no account, no display name). */
    UUID plantOrganisationInvitation(UUID meeting, String respondedBy) {
        return plantInvitation(meeting, ":organisation, null, null", respondedBy,
                query -> query.setParameter("organisation", ORG_A));
    }

    UUID plantInvitation(UUID meeting, String invitee, String respondedBy, UnaryOperator<Query> parameters) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> parameters.apply(entityManager.createNativeQuery("""
                        insert into invitation (id, meeting_id, organisation_id, username, display_name, response,
                                                responded_by, responded_at, created_at, updated_at)
                        values (:id, :meeting, %s, 'ACCEPTED', :respondedBy, now(), now(), now())""".formatted(invitee))
                .setParameter("id", id).setParameter("meeting", meeting).setParameter("respondedBy", respondedBy))
                .executeUpdate());
        return id;
    }

    UUID plantFeed(OffsetDateTime createdAt, OffsetDateTime revokedAt) {
        UUID id = UUID.randomUUID();
        feeds.add(id);
        QuarkusTransaction.requiringNew().run(() -> {
            Query insert = entityManager.createNativeQuery("""
                            insert into calendar_feed (id, token_hash, subject, username, ai_office, created_at, revoked_at)
                            values (:id, :hash, 'subject', 'someone', false, :createdAt, %s)"""
                            .formatted(revokedAt == null ? "null" : ":revokedAt"))
                    .setParameter("id", id).setParameter("hash", id.toString().replace("-", ""))
                    .setParameter("createdAt", createdAt);
            if (revokedAt != null) {
                insert.setParameter("revokedAt", revokedAt);
            }
            insert.executeUpdate();
        });
        return id;
    }

    /** Username, display name, who answered, version. */
    List<Object> invitation(UUID id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select username, display_name, responded_by, version from invitation where id = :id")
                .setParameter("id", id).getSingleResult());
        return Arrays.asList(row[0], row[1], row[2], ((Number) row[3]).longValue());
    }

    long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }
}
