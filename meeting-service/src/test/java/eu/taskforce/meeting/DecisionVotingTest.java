package eu.taskforce.meeting;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.platform.testing.Actors.ORG_B;
import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.inDays;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Decisions: one vote per member organisation, changeable until closing; the scheduled closing computes the result. */
@QuarkusTest
class DecisionVotingTest extends DemoMembersOnlyTest {

    static final String DECISIONS = MEETINGS + "/decisions";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    /** A decision whose quorum (1 percent) one organisation meets. */
    static String open(String question, String threshold) {
        return open(Map.of("question", question, "threshold", threshold, "quorum", 1,
                "closesAt", inDays(7).toString()));
    }

    static String open(Map<String, Object> body) {
        return OFFICE.request().body(body).post(DECISIONS).then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
    }

    static void vote(Actors actor, String decision, java.util.UUID organisation, String choice, int status) {
        actor.request().body(Map.of("choice", choice)).put(DECISIONS + "/" + decision + "/votes/" + organisation)
                .then().statusCode(status);
    }

    /** A vote refused with a 403 whose problem says why. */
    static void refused(Actors actor, String decision, UUID organisation, String detail) {
        actor.request().body(Map.of("choice", "YES")).put(DECISIONS + "/" + decision + "/votes/" + organisation)
                .then().statusCode(403).contentType("application/problem+json").body("detail", equalTo(detail));
    }

    @Test
    void eachMemberVotesOnceForItsOwnOrganisationAndTheClosingPublishesOnlyTheCounts() {
        String id = open("Invite Dr Example as an independent expert? " + UUID.randomUUID(), "TWO_THIRDS");
        vote(MEMBER_A, id, ORG_A, "YES", 200);
        vote(MEMBER_A, id, ORG_A, "NO", 200);
        MEMBER_A.request().get(DECISIONS + "/" + id).then().body("myVote", equalTo("NO")).body("yes", nullValue());
        vote(MEMBER_B, id, ORG_B, "YES", 200);
        refused(MEMBER_B, id, ORG_A, "A representative votes for its own organisation only");
        refused(MEMBER_A, id, UUID.randomUUID(), "A representative votes for its own organisation only");
        refused(OFFICE, id, ORG_A, "Your role does not allow this action");
        refused(EXPERT, id, ORG_A, "Your role does not allow this action");
        MEMBER_A.request().body(Map.of("choice", "MAYBE")).put(DECISIONS + "/" + id + "/votes/" + ORG_A)
                .then().statusCode(400).body("errors[0].field", equalTo("choice"));
        vote(MEMBER_A, UUID.randomUUID().toString(), ORG_A, "YES", 404);

        OFFICE.request().get(DECISIONS + "/" + id + "/votes").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.find { it.organisationId == '" + ORG_A + "' }.choice", equalTo("NO"))
                .body("items.find { it.organisationId == '" + ORG_B + "' }.organisationName", equalTo("Aleph Alpha"));
        MEMBER_B.request().get(DECISIONS + "/" + id + "/votes").then().statusCode(200)
                .body("items.organisationId", hasItem(ORG_A.toString()));
        EXPERT.request().get(DECISIONS + "/" + id + "/votes").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Who voted how is for the AI Office and members only"));
        EXPERT.request().get(DECISIONS + "/" + id).then().statusCode(200).body("myVote", nullValue())
                .body("status", equalTo("OPEN"));

        // the closing time passes: the scheduled closing computes the result (1 YES, 1 NO: short of two thirds)
        closeNow(id);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "CLOSED".equals(EXPERT.request().get(DECISIONS + "/" + id).then().extract().path("status")));
        EXPERT.request().get(DECISIONS + "/" + id).then().body("result", equalTo("REJECTED"))
                .body("yes", equalTo(1)).body("no", equalTo(1)).body("abstain", equalTo(0));
        MEMBER_A.request().body(Map.of("choice", "YES")).put(DECISIONS + "/" + id + "/votes/" + ORG_A)
                .then().statusCode(409).body("detail", containsString("closed"));

        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(id), r -> r.size() >= 2);
        assertThat(ServiceEvents.types(events)).containsExactly(EventTypes.DECISION_OPENED.type(),
                EventTypes.DECISION_CLOSED.type());
        assertThat(events.get(1).value()).contains("\"result\":\"REJECTED\"").contains("\"yes\":1")
                .doesNotContain(ORG_A.toString()).doesNotContain(ORG_B.toString());
    }

    @Test
    void abstentionsDoNotCountAndAMajorityAdopts() {
        String id = open("Form an ad-hoc group on open-source models? " + UUID.randomUUID(), "SIMPLE_MAJORITY");
        vote(MEMBER_A, id, ORG_A, "YES", 200);
        vote(MEMBER_B, id, ORG_B, "ABSTAIN", 200);
        closeNow(id);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "CLOSED".equals(MEMBER_B.request().get(DECISIONS + "/" + id).then().extract().path("status")));
        MEMBER_B.request().get(DECISIONS + "/" + id).then().body("result", equalTo("ADOPTED"))
                .body("yes", equalTo(1)).body("abstain", equalTo(1)).body("myVote", equalTo("ABSTAIN"));
        MEMBER_B.request().queryParam("status", "CLOSED").queryParam("limit", 500).get(DECISIONS)
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void anOrganisationThatLeftNeitherVotesNorHasItsEarlierVoteCounted() {
        String id = open("Adopt the glossary? " + UUID.randomUUID(), "SIMPLE_MAJORITY");
        vote(MEMBER_A, id, ORG_A, "YES", 200);
        vote(MEMBER_B, id, ORG_B, "NO", 200);
        feed.leave(ORG_B); // membership-service's event: Aleph Alpha left the Taskforce before the closing
        try {
            MEMBER_B.request().body(Map.of("choice", "YES")).put(DECISIONS + "/" + id + "/votes/" + ORG_B)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("Organisation " + ORG_B
                            + " is not a current member of the Taskforce; only members vote"));
            closeNow(id);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "CLOSED".equals(OFFICE.request().get(DECISIONS + "/" + id).then().extract().path("status")));
            // B's NO, cast while it was a member, is not counted: one YES adopts
            OFFICE.request().get(DECISIONS + "/" + id).then().body("result", equalTo("ADOPTED"))
                    .body("yes", equalTo(1)).body("no", equalTo(0)).body("abstain", equalTo(0));
        } finally {
            feed.member(ORG_B, "Aleph Alpha"); // a new membership period for the other tests
        }
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String question = "Bad " + UUID.randomUUID();
        OFFICE.request().body(Map.of("question", question, "threshold", "TWO_THIRDS",
                "closesAt", inDays(-1).toString())).post(DECISIONS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("closesAt"));
        OFFICE.request().body(Map.of("question", question, "threshold", "MOST", "closesAt", inDays(1).toString()))
                .post(DECISIONS).then().statusCode(400).body("errors[0].field", equalTo("threshold"));
        OFFICE.request().body(Map.of("question", question, "threshold", "UNANIMITY", "closesAt", inDays(1).toString(),
                "meetingId", UUID.randomUUID().toString())).post(DECISIONS).then().statusCode(400)
                .body("errors.field", hasItem("meetingId"));
        OFFICE.request().body(Map.of("question", "", "threshold", "UNANIMITY")).post(DECISIONS).then().statusCode(400)
                .body("errors.field", hasItem("question")).body("errors.field", hasItem("closesAt"));
        OFFICE.request().body(Map.of("question", question, "threshold", "UNANIMITY", "closesAt", "tomorrow"))
                .post(DECISIONS).then().statusCode(400).contentType("application/problem+json");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from decision where question = :q").setParameter("q", question).getSingleResult())
                .longValue())).isZero();
        MEMBER_A.request().body(Map.of("question", question, "threshold", "UNANIMITY",
                "closesAt", inDays(1).toString())).post(DECISIONS).then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
    }

    @Test
    @TestSecurity(user = "former-member", roles = "member")
    @OidcSecurity(claims = @Claim(key = "org", value = MeetingRequestTest.NOT_A_MEMBER))
    void anOrganisationThatIsNotACurrentMemberDoesNotVote() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into decision (id, question, threshold, quorum, closes_at, status, opened_by,"
                                + " created_at, updated_at) values (:id, 'Q', 'UNANIMITY', 50, now() + interval '1 day',"
                                + " 'OPEN', 'office', now(), now())")
                .setParameter("id", id).executeUpdate());
        given().contentType(ContentType.JSON).body(Map.of("choice", "YES"))
                .put(DECISIONS + "/" + id + "/votes/" + MeetingRequestTest.NOT_A_MEMBER)
                .then().statusCode(409).body("detail", containsString("not a current member"));
    }

    @Test
    void aDecisionThatTooFewOrganisationsTookPartInHasNoQuorum() {
        // one YES out of every current member, nobody else voting: under unanimity that adopted before the quorum
        String id = open(Map.of("question", "Invite an expert on evaluations? " + UUID.randomUUID(),
                "threshold", "UNANIMITY", "quorum", 100, "closesAt", inDays(7).toString()));
        vote(MEMBER_A, id, ORG_A, "YES", 200);
        closed(id).body("result", equalTo("NO_QUORUM")).body("quorum", equalTo(100))
                .body("eligible", equalTo(2)).body("yes", equalTo(1));

        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(id), r -> r.size() >= 2);
        assertThat(events.get(0).value()).contains("\"quorum\":100");
        assertThat(events.get(1).value()).contains("\"result\":\"NO_QUORUM\"")
                .contains("\"eligible\":2");
    }

    @Test
    void abstentionsCountTowardsTheQuorumAndTheDecisionNamesWhatItDecides() {
        UUID stakeholder = UUID.randomUUID();
        int quorum = 100;
        String id = open(Map.of("question", "Invite the stakeholder? " + UUID.randomUUID(), "threshold", "UNANIMITY",
                "quorum", quorum, "closesAt", inDays(7).toString(),
                "subject", Map.of("kind", "STAKEHOLDER_INVITATION", "id", stakeholder.toString())));
        vote(MEMBER_A, id, ORG_A, "YES", 200);
        vote(MEMBER_B, id, ORG_B, "ABSTAIN", 200);
        closed(id).body("result", equalTo("ADOPTED")).body("quorum", equalTo(quorum))
                .body("subject.kind", equalTo("STAKEHOLDER_INVITATION")).body("subject.id", equalTo(stakeholder.toString()));

        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(id), r -> r.size() >= 2);
        assertThat(events).allSatisfy(e -> assertThat(e.value())
                .contains("\"subject\":{\"kind\":\"STAKEHOLDER_INVITATION\",\"id\":\"" + stakeholder + "\"}"));
    }

    @Test
    void theQuorumDefaultsToHalfAndAnUnknownSubjectOfThisServiceIsAProblem() {
        OFFICE.request().get(DECISIONS + "/" + open(Map.of("question", "Q " + UUID.randomUUID(),
                "threshold", "SIMPLE_MAJORITY", "closesAt", inDays(1).toString()))).then().body("quorum", equalTo(50))
                .body("subject", nullValue()).body("eligible", nullValue());
        for (int quorum : new int[]{0, 101}) {
            OFFICE.request().body(Map.of("question", "Q", "threshold", "SIMPLE_MAJORITY", "quorum", quorum,
                    "closesAt", inDays(1).toString())).post(DECISIONS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("quorum"));
        }
        for (String kind : new String[]{"MEETING", "MEETING_REQUEST"}) {
            OFFICE.request().body(Map.of("question", "Q", "threshold", "SIMPLE_MAJORITY", "closesAt",
                    inDays(1).toString(), "subject", Map.of("kind", kind, "id", UUID.randomUUID().toString())))
                    .post(DECISIONS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("subject.id"));
        }
        OFFICE.request().body(Map.of("question", "Q", "threshold", "SIMPLE_MAJORITY", "closesAt",
                        inDays(1).toString(), "subject", Map.of("kind", "VENDOR", "id", UUID.randomUUID().toString())))
                .post(DECISIONS).then().statusCode(400).contentType("application/problem+json");
    }

    /** Closes the decision now and answers its view once the scheduled closing has computed the result. */
    io.restassured.response.ValidatableResponse closed(String id) {
        closeNow(id);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "CLOSED".equals(OFFICE.request().get(DECISIONS + "/" + id).then().extract().path("status")));
        return OFFICE.request().get(DECISIONS + "/" + id).then().statusCode(200);
    }

    /** The closing time passes (the scheduled closing picks the decision up within seconds). */
    void closeNow(String id) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update decision set closes_at = now() - interval '1 second' where id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
    }
}
