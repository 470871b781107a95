package eu.taskforce.meeting;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.platform.membership.MembershipReplica;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.ErasureRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A person's export and erasure of what meeting-service holds about their account, with real tokens: the rows are
 * planted through the API (and, for an account that has no token in the realm, in the tables), and the tables are
 * read afterwards to show that no row names the account any more.
 */
@QuarkusTest
class PersonalDataTest extends CurrentMembersTest {

    static final String MINE = MEETINGS + "/me/personal-data";
    static final String ERASURES = MEETINGS + "/personal-data/erasures";

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipReplica replica;

    /** An ad-hoc meeting to come, the expert invited (with an Idempotency-Key, so a replay copies the name) and answering. */
    record Planted(String meeting, String invitation, String displayName, String bystander, String feedId,
                   String feedUrl) {
    }

    Planted plantExpertData() {
        String marker = UUID.randomUUID().toString();
        String meeting = convene(meeting("AD_HOC_GROUP", inDays(20), marker));
        String displayName = "Erik Planted " + marker;
        String invitation = OFFICE.request().header("Idempotency-Key", "invite-" + marker)
                .body(Map.of("username", "Expert", "displayName", displayName))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(201).extract().path("id");
        String bystander = "bystander-" + marker.substring(0, 8);
        OFFICE.request().body(Map.of("username", bystander, "displayName", "Bystander " + marker))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(201);
        String path = MEETINGS + "/" + meeting + "/invitations/" + invitation;
        String etag = Meetings.etag(EXPERT, path);
        EXPERT.request().header("If-Match", etag).body(Map.of("response", "ACCEPTED")).put(path + "/response")
                .then().statusCode(200);
        var created = EXPERT.request().post(MEETINGS + "/calendar/feeds").then().statusCode(201).extract();
        return new Planted(meeting, invitation, displayName, bystander, created.path("id"), created.path("url"));
    }

    @Test
    void theExportHoldsTheCallersRowsAndNoneOfAnotherAccount() {
        Planted planted = plantExpertData();
        String body = EXPERT.request().get(MINE).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store")).extract().asString();
        JsonPath export = JsonPath.from(body);
        assertThat(export.getString("account.username")).isEqualTo("expert");
        assertThat(export.getString("account.subject")).isNotBlank();
        assertThat(export.getList("invitations.id")).contains(planted.invitation());
        assertThat(export.getList("invitations.displayName")).contains(planted.displayName());
        assertThat(export.<String>getList("invitations.username")).allMatch("expert"::equalsIgnoreCase);
        assertThat(export.getList("calendarFeeds.id")).contains(planted.feedId());
        assertThat(export.getList("actions.recordId")).contains(planted.invitation());
        assertThat(export.getList("audit.recordId")).contains(planted.feedId());
        assertThat(export.getList("audit.subject")).containsOnly(export.getString("account.subject"));
        // never the feed's token, nor another account's invitation
        String token = planted.feedUrl().substring(planted.feedUrl().lastIndexOf('/') + 1).replace(".ics", "");
        assertThat(body).doesNotContain(token).doesNotContain(planted.bystander());

        String other = MEMBER_B.request().get(MINE).then().statusCode(200).extract().asString();
        assertThat(other).doesNotContain(planted.invitation()).doesNotContain(planted.displayName())
                .doesNotContain(planted.feedId());
        assertThat(JsonPath.from(other).getString("account.username")).isEqualTo("member-b");
    }

    @Test
    void theCallerErasesItsOwnDataAndASecondErasureChangesNothing() {
        Planted planted = plantExpertData();
        String subject = EXPERT.request().get(MINE).then().statusCode(200).extract().path("account.subject");
        assertThat(count("select count(*) from idempotency_key where body like '%" + planted.displayName() + "%'"))
                .as("the invitation's replay copies the display name").isEqualTo(1);

        EXPERT.request().delete(MINE).then().statusCode(204);

        assertThat(count("select count(*) from invitation where lower(username) = 'expert'")).isZero();
        assertThat(count("select count(*) from invitation where display_name = '" + planted.displayName() + "'"))
                .isZero();
        assertThat(count("select count(*) from invitation where id = '" + planted.invitation()
                + "' and erased_at is not null and username is null and responded_by = 'erased'"))
                .as("the invitation stays, without a name").isEqualTo(1);
        assertThat(count("select count(*) from calendar_feed where subject = '" + subject
                + "' or lower(username) = 'expert'")).isZero();
        assertThat(count("select count(*) from audit_entry where subject = '" + subject + "'")).isZero();
        assertThat(count("select count(*) from idempotency_key where body like '%" + planted.displayName() + "%'"
                + " or scope like '" + subject + " %'")).isZero();
        assertThat(count(anyColumnHolds(subject))).isZero();
        // somebody else's invitation keeps its name
        assertThat(count("select count(*) from invitation where username = '" + planted.bystander()
                + "' and display_name is not null")).isEqualTo(1);
        ANONYMOUS.request().get(planted.feedUrl()).then().statusCode(404);

        JsonPath after = EXPERT.request().get(MINE).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("invitations")).isEmpty();
        assertThat(after.getList("calendarFeeds")).isEmpty();
        assertThat(after.getList("actions")).isEmpty();
        assertThat(after.getList("audit")).isEmpty();

        ErasureRequests.recordsNothing(() -> EXPERT.request().delete(MINE).then().statusCode(204));
    }

    @Test
    void theAiOfficeErasesANamedAccountAndTheSubjectsItCanLinkToTheName() {
        String marker = UUID.randomUUID().toString();
        String ghost = "ghost-" + marker.substring(0, 8);
        String meeting = convene(meeting("AD_HOC_GROUP", inDays(21), marker));
        String invitation = OFFICE.request().body(Map.of("username", ghost, "displayName", "Ghost " + marker))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(201).extract().path("id");
        // an account without a token in the realm: its subject-keyed rows are planted in the tables
        String feedSubject = "feed-subject-" + marker;
        String answerSubject = "answer-subject-" + marker;
        String unlinked = "unlinked-subject-" + marker;
        execute("insert into calendar_feed (id, token_hash, subject, username, ai_office, created_at)"
                + " values ('" + UUID.randomUUID() + "', '" + marker + "', '" + feedSubject + "', '" + ghost
                + "', false, now())");
        execute("update invitation set responded_by = '" + answerSubject + "', response = 'ACCEPTED'"
                + " where id = '" + invitation + "'");
        for (String subject : List.of(feedSubject, answerSubject, unlinked)) {
            execute("insert into audit_entry (id, occurred_at, subject, action, record_type, record_id) values ('"
                    + UUID.randomUUID() + "', now(), '" + subject + "', 'PLANTED', 'Test', '" + UUID.randomUUID() + "')");
            execute("insert into idempotency_key (scope, key, fingerprint) values ('" + subject
                    + " POST /api/v1/meetings', 'k', 'f')");
        }

        OFFICE.request().body(Map.of("username", ghost.toUpperCase())).post(ERASURES).then().statusCode(204);

        assertThat(count("select count(*) from invitation where display_name like '%" + marker + "%'"
                + " or lower(username) = '" + ghost + "'")).isZero();
        assertThat(count("select count(*) from calendar_feed where username = '" + ghost + "'")).isZero();
        for (String subject : List.of(feedSubject, answerSubject)) {
            assertThat(count(anyColumnHolds(subject))).as(subject).isZero();
            assertThat(count("select count(*) from audit_entry where subject = '" + subject + "'")).isZero();
            assertThat(count("select count(*) from idempotency_key where scope like '" + subject + " %'")).isZero();
        }
        assertThat(count("select count(*) from audit_entry where subject = '" + unlinked + "'"))
                .as("a subject that nothing links to the name is out of reach").isEqualTo(1);

        ErasureRequests.recordsNothing(() ->
                OFFICE.request().body(Map.of("username", ghost)).post(ERASURES).then().statusCode(204));
    }

    @Test
    void onlyTheAiOfficeErasesANamedAccountAndOnlyASignedInCallerItsOwn() {
        ErasureRequests.onlyTheAiOfficeErasesANamedAccountAndOnlyASignedInCallerItsOwn(ERASURES, MINE);
    }

    @Test
    void aBadErasureRequestIsAProblem() {
        Map<String, Object> tooLong = Map.of("username", "a".repeat(101));
        Map<String, Object> withSpace = Map.of("username", "two words");
        Map<String, Object> blank = Map.of("username", " ");
        Map<String, Object> missing = new HashMap<>();
        ErasureRequests.badErasureRequestsAreProblems(ERASURES, List.of(tooLong, withSpace, blank, missing),
                "{\"username\": ");
    }

    @Test
    void aStakeholderErasedInMembershipLosesItsNameOnItsInvitations() {
        String marker = UUID.randomUUID().toString();
        UUID stakeholder = UUID.randomUUID();
        String account = "stakeholder-" + marker.substring(0, 8);
        String meeting = convene(meeting("STAKEHOLDER_SESSION", inDays(22), marker));
        UUID otherStakeholder = UUID.randomUUID();
        for (UUID registered : List.of(stakeholder, otherStakeholder)) { // invitations name stakeholders of the register
            replica.consume("meeting.membership", record(EventTypes.STAKEHOLDER_REGISTERED, registered,
                    new StakeholderProfile(registered, StakeholderProfile.Kind.PERSON, false, null, null, null, null)));
        }
        String invitation = OFFICE.request().body(Map.of("username", account, "displayName", "Sally " + marker,
                        "stakeholderId", stakeholder.toString()))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(201).extract().path("id");
        String other = OFFICE.request().body(Map.of("username", "other-" + marker.substring(0, 8),
                        "displayName", "Other " + marker, "stakeholderId", otherStakeholder.toString()))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(201).extract().path("id");

        // Handed to the replica as the consumer does, not through the broker: the module tests of every worktree
        // share the consumer group on the shared Kafka, and another JVM (without this observer) may get the partition.
        // That the channel feeds the replica is MembershipReplicaTest's part.
        replica.consume("meeting.membership", record(EventTypes.STAKEHOLDER_ERASED, stakeholder,
                new StakeholderErased(stakeholder, List.of())));

        assertThat(count("select count(*) from invitation where id = '" + invitation + "' and erased_at is not null"))
                .isEqualTo(1);
        assertThat(count("select count(*) from invitation where display_name = 'Sally " + marker + "'"
                + " or lower(username) = '" + account + "' or stakeholder_id = '" + stakeholder + "'")).isZero();
        assertThat(count("select count(*) from invitation where id = '" + other + "' and display_name is not null"))
                .isEqualTo(1);
        OFFICE.request().get(MEETINGS + "/" + meeting + "/invitations/" + invitation).then().statusCode(200)
                .body("displayName", equalTo(null)).body("username", equalTo(null));
    }

    /** A CloudEvents record of the membership topic, as membership-service's outbox writes it (binary mode). */
    static ConsumerRecord<String, String> record(EventType<?> type, UUID subject, Object data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("test." + Topics.MEMBERSHIP, 0, 0L,
                subject.toString(), EventJson.write(data));
        Map.of(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION,
                CloudEvents.HEADER_ID, UUID.randomUUID().toString(),
                CloudEvents.HEADER_SOURCE, CloudEvents.source("membership-service"),
                CloudEvents.HEADER_TYPE, type.type(),
                CloudEvents.HEADER_SUBJECT, subject.toString(),
                CloudEvents.HEADER_TIME, OffsetDateTime.now(ZoneOffset.UTC).toString(),
                CloudEvents.HEADER_DATA_SCHEMA, type.dataSchema(),
                CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON).forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** Counts the rows of every column that records a token subject and still holds this one. */
    static String anyColumnHolds(String subject) {
        return "select (select count(*) from invitation where responded_by = '" + subject + "')"
                + " + (select count(*) from meeting_request where filed_by = '" + subject + "' or decided_by = '"
                + subject + "')"
                + " + (select count(*) from meeting_request_support where supported_by = '" + subject + "')"
                + " + (select count(*) from minutes where approved_by = '" + subject + "')"
                + " + (select count(*) from minutes_comment where author = '" + subject + "')"
                + " + (select count(*) from meeting_summary where published_by = '" + subject + "')"
                + " + (select count(*) from decision where opened_by = '" + subject + "')"
                + " + (select count(*) from vote where cast_by = '" + subject + "')";
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }
}
