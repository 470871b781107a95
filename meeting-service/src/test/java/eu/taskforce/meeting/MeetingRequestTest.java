package eu.taskforce.meeting;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

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
import static eu.taskforce.meeting.Meetings.meeting;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Members' requests: filing, support once per organisation, withdrawal, acceptance (convening) and decline. */
@QuarkusTest
class MeetingRequestTest extends CurrentMembersTest {

    static final String REQUESTS = MEETINGS + "/requests";
    static final String NOT_A_MEMBER = "00000000-0000-0000-0000-00000000dead";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    EntityManager entityManager;

    static Map<String, Object> request(String rationale) {
        return Map.of("topic", "Open-source models", "rationale", rationale,
                "proposedAgendaItems", List.of("Release practices", "Evaluations of open weights"));
    }

    static String file(Actors member, String rationale) {
        return member.request().body(request(rationale)).post(REQUESTS).then().statusCode(201)
                .header("ETag", "\"0\"").extract().path("id");
    }

    @Test
    void aRequestSupportedByAnotherMemberIsAcceptedByConveningALinkedMeeting() {
        String rationale = "confidential-rationale-" + UUID.randomUUID();
        String id = file(MEMBER_A, rationale);
        String path = REQUESTS + "/" + id;
        MEMBER_B.request().get(path).then().statusCode(200).body("status", equalTo("FILED"))
                .body("organisationId", equalTo(ORG_A.toString())).body("organisationName", equalTo("Mistral AI"))
                .body("rationale", equalTo(rationale));

        MEMBER_A.request().post(path + "/supports").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("own request"));
        MEMBER_B.request().post(path + "/supports").then().statusCode(200)
                .body("supporters.organisationId", equalTo(List.of(ORG_B.toString())));
        MEMBER_B.request().post(path + "/supports").then().statusCode(409).body("detail", containsString("already"));
        OFFICE.request().post(path + "/supports").then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        EXPERT.request().post(path + "/supports").then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
        MEMBER_B.request().post(path + "/withdrawal").then().statusCode(403)
                .body("detail", equalTo("Only the organisation that filed a request may withdraw it"));

        String etag = Meetings.etag(OFFICE, path);
        OFFICE.request().header("If-Match", "\"0\"").body(meeting("PLENARY", inDays(50), "req"))
                .post(path + "/acceptance").then().statusCode(412)
                .body("detail", containsString("The record has changed since you read it"));
        String meetingId = OFFICE.request().header("If-Match", etag).body(meeting("PLENARY", inDays(50), "req"))
                .post(path + "/acceptance").then().statusCode(201)
                .header("Location", containsString("/api/v1/meetings/"))
                .body("requestId", equalTo(id)).body("status", equalTo("SCHEDULED")).extract().path("id");
        MEMBER_A.request().get(path).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("meetingId", equalTo(meetingId));
        OFFICE.request().get(MEETINGS + "/" + meetingId + "/agenda").then().statusCode(200)
                .body("items.title", equalTo(List.of("Release practices", "Evaluations of open weights")))
                .body("published", equalTo(false));

        OFFICE.request().body(Map.of("reason", "Too late")).post(path + "/decline").then().statusCode(409)
                .body("detail", equalTo("The request is ACCEPTED; it can no longer be declined"));
        OFFICE.request().body(meeting("PLENARY", inDays(51), "req")).post(path + "/acceptance").then().statusCode(409)
                .body("detail", equalTo("The request is ACCEPTED; it can no longer be accepted"));
        MEMBER_A.request().post(path + "/withdrawal").then().statusCode(409)
                .body("detail", equalTo("The request is ACCEPTED; it can no longer be withdrawn"));
        feed.close();

        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(id, meetingId), r -> r.size() >= 4);
        assertThat(ServiceEvents.types(events)).containsExactlyInAnyOrder(EventTypes.MEETING_REQUEST_FILED.type(),
                EventTypes.MEETING_REQUEST_SUPPORTED.type(), EventTypes.MEETING_CONVENED.type(),
                EventTypes.MEETING_REQUEST_ACCEPTED.type());
        assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain(rationale));
        assertThat(events.stream().filter(r -> ServiceEvents.type(r).equals(EventTypes.MEETING_CONVENED.type()))
                .findFirst().orElseThrow().value()).contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void aDeclinedRequestCarriesItsPublicReasonAndAWithdrawnOneCannotBeDecided() {
        String declined = file(MEMBER_B, "Please discuss copyright");
        OFFICE.request().body(Map.of("reason", " ")).post(REQUESTS + "/" + declined + "/decline").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        OFFICE.request().body(Map.of("reason", "Covered by the plenary of March")).post(REQUESTS + "/" + declined + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("Covered by the plenary of March"));
        MEMBER_A.request().post(REQUESTS + "/" + declined + "/supports").then().statusCode(409)
                .body("detail", equalTo("The request is DECLINED; it can no longer be supported"));

        String withdrawn = file(MEMBER_A, "Changed our mind");
        MEMBER_A.request().header("If-Match", "\"7\"").post(REQUESTS + "/" + withdrawn + "/withdrawal")
                .then().statusCode(412)
                .body("detail", containsString("The record has changed since you read it"));
        MEMBER_A.request().post(REQUESTS + "/" + withdrawn + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        OFFICE.request().body(Map.of("reason", "n/a")).post(REQUESTS + "/" + withdrawn + "/decline")
                .then().statusCode(409)
                .body("detail", equalTo("The request is WITHDRAWN; it can no longer be declined"));

        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(declined), r -> r.size() >= 2);
        assertThat(events.get(1).value()).contains("Covered by the plenary of March");
        MEMBER_B.request().queryParam("status", "DECLINED").queryParam("organisationId", ORG_B.toString())
                .queryParam("limit", 500).get(REQUESTS).then().statusCode(200)
                .body("items.id", hasItem(declined)).body("items.status", not(hasItem("FILED")));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String rationale = "bad-input-" + UUID.randomUUID();
        MEMBER_A.request().body(Map.of("topic", "", "rationale", rationale)).post(REQUESTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("topic"));
        MEMBER_A.request().body(Map.of("topic", "T", "rationale", rationale, "proposedAgendaItems", List.of("ok", " ")))
                .post(REQUESTS).then().statusCode(400).body("errors[0].field", equalTo("proposedAgendaItems[1]"));
        MEMBER_A.request().body(Map.of("topic", "x".repeat(301), "rationale", rationale)).post(REQUESTS)
                .then().statusCode(400).body("errors[0].field", equalTo("topic"));
        MEMBER_A.request().body("[]").post(REQUESTS).then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().contentType(ContentType.TEXT).body("hello").post(REQUESTS).then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(requestsWithRationale(rationale)).isZero();
        String id = file(MEMBER_A, rationale);
        OFFICE.request().body(Map.of("title", "")).post(REQUESTS + "/" + id + "/acceptance").then().statusCode(400);
        MEMBER_A.request().get(REQUESTS + "/" + id).then().statusCode(200).body("status", equalTo("FILED"));
        MEMBER_A.request().get(REQUESTS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theSameIdempotencyKeyFilesOnceAndAReusedKeyIsRefused() {
        String rationale = "idempotent-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = MEMBER_A.request().header("Idempotency-Key", key).body(request(rationale)).post(REQUESTS)
                .then().statusCode(201).extract().path("id");
        MEMBER_A.request().header("Idempotency-Key", key).body(request(rationale)).post(REQUESTS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        MEMBER_A.request().header("Idempotency-Key", key).body(request(rationale + "!")).post(REQUESTS)
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(requestsWithRationale(rationale)).isEqualTo(1);
    }

    @Test
    void anOrganisationThatLeftNeitherFilesNorSupports() {
        String ofA = file(MEMBER_A, "Filed before B left " + UUID.randomUUID());
        String rationale = "Filed after leaving " + UUID.randomUUID();
        feed.leave(ORG_B); // membership-service's event: Aleph Alpha left the Taskforce
        try {
            String detail = "Organisation " + ORG_B + " is not a current member of the Taskforce; only members file or"
                    + " support requests";
            MEMBER_B.request().body(request(rationale)).post(REQUESTS).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", equalTo(detail));
            MEMBER_B.request().post(REQUESTS + "/" + ofA + "/supports").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", equalTo(detail));
            assertThat(requestsWithRationale(rationale)).isZero();
            MEMBER_A.request().get(REQUESTS + "/" + ofA).then().statusCode(200).body("supporters.size()", equalTo(0));
        } finally {
            feed.member(ORG_B, "Aleph Alpha"); // a new membership period for the other tests
        }
    }

    @Test
    @TestSecurity(user = "former-member", roles = "member")
    @OidcSecurity(claims = @Claim(key = "org", value = NOT_A_MEMBER))
    void anOrganisationThatIsNotACurrentMemberNeitherFilesNorSupports() {
        given().contentType(ContentType.JSON).body(request("We left")).post(REQUESTS).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("not a current member"));
        // a request of member A, filed directly: under @TestSecurity every request of this test is the former member's
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into meeting_request (id, organisation_id, topic, rationale, status, filed_by, created_at,"
                                + " updated_at) values (:id, :organisation, 'Filed by A', 'Why', 'FILED', 'member-a', now(),"
                                + " now())")
                .setParameter("id", id).setParameter("organisation", ORG_A).executeUpdate());
        given().post(REQUESTS + "/" + id + "/supports").then().statusCode(409)
                .body("detail", containsString("not a current member"));
    }

    long requestsWithRationale(String rationale) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from meeting_request where rationale = :r").setParameter("r", rationale)
                .getSingleResult()).longValue());
    }
}
