package eu.taskforce.meeting;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.MembershipFeed;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
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
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.etag;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Convening, invitations, the agenda and the lifecycle of a meeting, against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class MeetingLifecycleTest extends CurrentMembersTest {

    static final String ONLY_THE_INVITEE = "Only the invitee answers an invitation: a representative of the invited "
            + "organisation, or the invited person";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    EntityManager entityManager;

    @Test
    void aPlenaryInvitesEveryCurrentMemberAndShowsTheJoiningLinkOnlyToInviteesAndTheAiOffice() {
        String marker = "link-" + UUID.randomUUID();
        String id = convene(meeting("PLENARY", inDays(20), marker));

        OFFICE.request().get(MEETINGS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("SCHEDULED")).body("joiningLink", equalTo("https://meet.example.eu/j/" + marker))
                .body("localStart", org.hamcrest.Matchers.notNullValue());
        MEMBER_A.request().get(MEETINGS + "/" + id).then().statusCode(200)
                .body("invited", equalTo(true)).body("joiningLink", equalTo("https://meet.example.eu/j/" + marker));
        MEMBER_B.request().get(MEETINGS + "/" + id).then().statusCode(200).body("invited", equalTo(true));
        EXPERT.request().get(MEETINGS + "/" + id).then().statusCode(200)
                .body("invited", equalTo(false)).body("joiningLink", nullValue());

        List<Map<String, Object>> all = invitations(OFFICE, id);
        assertThat(all).extracting(i -> i.get("organisationId")).contains(ORG_A.toString(), ORG_B.toString());
        // every invitation is of an organisation (the exact number moves: other test runs feed the shared topic)
        assertThat(all).allSatisfy(i -> assertThat(i.get("inviteeType")).isEqualTo("ORGANISATION"));
        assertThat(all.size()).isGreaterThan(1).isLessThanOrEqualTo((int) everMembers());
        List<Map<String, Object>> mine = invitations(MEMBER_A, id);
        assertThat(mine).extracting(i -> i.get("organisationId")).containsExactly(ORG_A.toString());
        assertThat(invitations(EXPERT, id)).isEmpty();
        // a joining link shows in the list too, only to the invitees
        MEMBER_A.request().queryParam("limit", 500).queryParam("from", inDays(19).toString())
                .get(MEETINGS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.joiningLink", equalTo("https://meet.example.eu/j/" + marker));
        EXPERT.request().queryParam("limit", 500).queryParam("from", inDays(19).toString())
                .get(MEETINGS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.joiningLink", nullValue());
    }

    @Test
    void anOrganisationJoiningLaterIsInvitedToPlenariesToComeAndLosesThemWhenItLeaves() {
        String plenary = convene(meeting("PLENARY", inDays(30), "late"));
        String adHoc = convene(meeting("AD_HOC_GROUP", inDays(30), "late"));
        UUID organisation = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        feed.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, membership, "Late AI", LocalDate.now()));
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> invitationOf(plenary, organisation) != null);
        assertThat(invitationOf(plenary, organisation).get("withdrawn")).isEqualTo(false);
        assertThat(invitationOf(adHoc, organisation)).as("only plenaries invite every member").isNull();

        feed.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_ENDED, organisation,
                new MembershipEnded(organisation, membership, LocalDate.now(), MembershipEnded.Reason.LEFT));
        await().atMost(MembershipFeed.APPLIED_WITHIN)
                .until(() -> Boolean.TRUE.equals(invitationOf(plenary, organisation).get("withdrawn")));
    }

    @Test
    void badInputIsAProblemNamingTheFieldsAndStoresNothing() {
        String title = "Invalid " + UUID.randomUUID();
        Map<String, Object> body = meeting("PLENARY", inDays(10), "x");
        body.put("title", title);
        body.put("endsAt", inDays(9).toString());
        body.put("timeZone", "Mars/Olympus");
        body.put("joiningLink", "http://insecure.example");
        OFFICE.request().body(body).post(MEETINGS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("joiningLink"));
        body.put("joiningLink", "https://meet.example.eu/j/1");
        OFFICE.request().body(body).post(MEETINGS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("endsAt")).body("errors.field", hasItem("timeZone"));
        body.put("endsAt", inDays(10).plusHours(2).toString());
        body.put("timeZone", "Europe/Brussels");
        body.put("format", "ONLINE");
        body.put("joiningLink", null);
        OFFICE.request().body(body).post(MEETINGS).then().statusCode(400).body("errors.field", hasItem("joiningLink"));
        body.put("format", "IN_PERSON");
        body.put("location", " ");
        OFFICE.request().body(body).post(MEETINGS).then().statusCode(400).body("errors.field", hasItem("location"));
        body.put("kind", "PARTY");
        OFFICE.request().body(body).post(MEETINGS).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        OFFICE.request().body("{\"title\":").post(MEETINGS).then().statusCode(400)
                .contentType("application/problem+json");
        OFFICE.request().body(Map.of()).post(MEETINGS).then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("startsAt"));
        assertThat(meetingsTitled(title)).isZero();
        OFFICE.request().queryParam("limit", 0).get(MEETINGS).then().statusCode(400)
                .contentType("application/problem+json");
        OFFICE.request().queryParam("cursor", "not-a-cursor").get(MEETINGS).then().statusCode(400);
        OFFICE.request().get(MEETINGS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theLifecycleAllowsOnlyItsOwnTransitions() {
        // a meeting to come: rescheduled, then it cannot be held before it begins
        String upcoming = convene(meeting("PLENARY", inDays(40), "lc"));
        String etag = etag(OFFICE, MEETINGS + "/" + upcoming);
        Map<String, Object> later = Map.of("startsAt", inDays(41).toString(), "endsAt", inDays(41).plusHours(2).toString(),
                "reason", "Room unavailable");
        OFFICE.request().header("If-Match", "\"999\"").body(later).post(MEETINGS + "/" + upcoming + "/reschedule")
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("The record has changed since you read it"));
        OFFICE.request().header("If-Match", etag).body(later).post(MEETINGS + "/" + upcoming + "/reschedule")
                .then().statusCode(200).body("status", equalTo("RESCHEDULED"));
        OFFICE.request().body(Map.of("attendingOrganisations", List.of()))
                .post(MEETINGS + "/" + upcoming + "/held").then().statusCode(409)
                .body("detail", containsString("it can be recorded as held only once it has begun"));
        OFFICE.request().body(Map.of("reason", "")).post(MEETINGS + "/" + upcoming + "/cancellation")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        OFFICE.request().body(Map.of("reason", "The chair is ill")).post(MEETINGS + "/" + upcoming + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("The chair is ill"));
        OFFICE.request().body(Map.of("reason", "Twice")).post(MEETINGS + "/" + upcoming + "/cancellation")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("A meeting that is CANCELLED cannot become CANCELLED"));
        OFFICE.request().body(later).post(MEETINGS + "/" + upcoming + "/reschedule").then().statusCode(409)
                .body("detail", equalTo("A meeting that is CANCELLED cannot become RESCHEDULED"));
        OFFICE.request().body(Map.of("attendingOrganisations", List.of())).post(MEETINGS + "/" + upcoming + "/held")
                .then().statusCode(409)
                .body("detail", equalTo("A meeting that is CANCELLED cannot become HELD"));

        // a meeting that began: held with its attendance, then nothing but the summary
        String began = convene(meeting("PLENARY", inDays(0).minusHours(2), "lc"));
        OFFICE.request().body(Map.of("attendingOrganisations", List.of(UUID.randomUUID().toString())))
                .post(MEETINGS + "/" + began + "/held").then().statusCode(400)
                .body("errors[0].field", equalTo("attendingOrganisations[0]"));
        Meetings.hold(began, List.of(ORG_A, ORG_B));
        MEMBER_B.request().get(MEETINGS + "/" + began).then().statusCode(200).body("status", equalTo("HELD"))
                .body("attendance.organisationId", hasItem(ORG_A.toString()))
                .body("attendance.find { it.organisationId == '" + ORG_B + "' }.organisationName", equalTo("Aleph Alpha"));
        OFFICE.request().body(Map.of("attendingOrganisations", List.of())).post(MEETINGS + "/" + began + "/held")
                .then().statusCode(409)
                .body("detail", equalTo("A meeting that is HELD cannot become HELD"));
        OFFICE.request().body(later).post(MEETINGS + "/" + began + "/reschedule").then().statusCode(409)
                .body("detail", equalTo("A meeting that is HELD cannot become RESCHEDULED"));
        OFFICE.request().body(Map.of("reason", "Too late")).post(MEETINGS + "/" + began + "/cancellation")
                .then().statusCode(409)
                .body("detail", equalTo("A meeting that is HELD cannot become CANCELLED"));
        OFFICE.request().get(MEETINGS + "/" + began + "/invitations").then().statusCode(200);
        MEMBER_A.request().body(Map.of("response", "ACCEPTED"))
                .put(MEETINGS + "/" + began + "/invitations/" + invitationOf(began, ORG_A).get("id") + "/response")
                .then().statusCode(409)
                .body("detail", equalTo("The meeting is HELD; invitations can no longer be answered"));
    }

    @Test
    void theAgendaLinksTheCodeAndIsPublicOnlyOncePublished() {
        String id = convene(meeting("PLENARY", inDays(25), "agenda"));
        String agenda = MEETINGS + "/" + id + "/agenda";
        Map<String, Object> unknown = Map.of("items", List.of(
                Map.of("title", "Evaluations", "codeReferences", List.of("SAFETY_AND_SECURITY-3.2", "SAFETY_AND_SECURITY-11"))));
        OFFICE.request().body(unknown).put(agenda).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("items[0].codeReferences[1]"));
        // a measure of the module tests' later edition (2027-03-01) is not one of the first edition
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Independent evaluators", "codeEdition", "2025-07-10",
                        "codeReferences", List.of("SAFETY_AND_SECURITY-3.6"))))).put(agenda).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].codeReferences[0]"))
                .body("errors[0].message", containsString("(2025-07-10)"));
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Evaluations", "codeEdition", "2019-01-01"))))
                .put(agenda).then().statusCode(400).body("errors[0].field", equalTo("items[0].codeEdition"));
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "")))).put(agenda).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].title"));
        OFFICE.request().get(agenda).then().statusCode(200).body("items.size()", equalTo(0)).body("published", equalTo(false));
        OFFICE.request().post(agenda + "/publication").then().statusCode(409)
                .body("detail", equalTo("The agenda has no items yet; add them before publishing it"));

        UUID guidance = UUID.randomUUID();
        OFFICE.request().body(Map.of("items", List.of(
                        Map.of("title", "Model evaluations", "codeReferences", List.of("SAFETY_AND_SECURITY-3.2"),
                                "guidanceDocumentIds", List.of(guidance.toString()), "codeEdition", "2025-07-10"),
                        Map.of("title", "Copyright policy", "description", "Opt-outs",
                                "codeReferences", List.of("COPYRIGHT-1", "SAFETY_AND_SECURITY-3.6")))))
                .put(agenda).then().statusCode(200).body("items.size()", equalTo(2));
        MEMBER_A.request().get(agenda).then().statusCode(404).contentType("application/problem+json");
        OFFICE.request().post(agenda + "/publication").then().statusCode(200).body("revision", equalTo(1));
        EXPERT.request().get(agenda).then().statusCode(200).body("published", equalTo(true))
                .body("items[0].position", equalTo(1))
                .body("items[0].codeReferences[0].title", equalTo("Model evaluations"))
                .body("items[0].codeEdition", equalTo("2025-07-10")).body("items[1].codeEdition", equalTo("2027-03-01"))
                .body("items[1].codeReferences[1].title", equalTo("Evaluations by independent evaluators"))
                .body("items[0].guidanceDocumentIds[0]", equalTo(guidance.toString()))
                .body("items[1].title", equalTo("Copyright policy"));
        OFFICE.request().post(agenda + "/publication").then().statusCode(409)
                .body("detail", containsString("; a change to its items is published again by itself"));
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Only item")))).put(agenda)
                .then().statusCode(200).body("revision", equalTo(2));
        OFFICE.request().body(Map.of("items", List.of())).put(agenda).then().statusCode(409)
                .body("detail", equalTo("The agenda is published; it may change but not become empty"));

        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(id), r -> r.size() >= 3);
        assertThat(ServiceEvents.types(events)).containsExactly(EventTypes.MEETING_CONVENED.type(),
                EventTypes.AGENDA_PUBLISHED.type(), EventTypes.AGENDA_PUBLISHED.type());
        assertThat(events.get(1).value()).contains("SAFETY_AND_SECURITY-3.2").contains("\"revision\":1");
        assertThat(events.get(2).value()).contains("Only item").contains("\"revision\":2");
    }

    @Test
    void inviteesAnswerForTheirOwnInvitationOnly() {
        String id = convene(meeting("AD_HOC_GROUP", inDays(15), "adhoc"));
        String invitationsPath = MEETINGS + "/" + id + "/invitations";
        // an ad-hoc group invites nobody by itself
        assertThat(invitations(OFFICE, id)).isEmpty();
        String orgInvitation = OFFICE.request().body(Map.of("organisationId", ORG_A.toString())).post(invitationsPath)
                .then().statusCode(201).body("inviteeType", equalTo("ORGANISATION"))
                .body("organisationName", equalTo("Mistral AI")).extract().path("id");
        String expertInvitation = OFFICE.request().body(Map.of("username", "expert", "displayName", "Dr Expert"))
                .post(invitationsPath).then().statusCode(201).body("response", equalTo("PENDING")).extract().path("id");
        OFFICE.request().body(Map.of("organisationId", ORG_A.toString())).post(invitationsPath).then().statusCode(409)
                .body("detail", equalTo("This invitee is already invited (invitation " + orgInvitation + ")"));
        OFFICE.request().body(Map.of("username", "EXPERT")).post(invitationsPath).then().statusCode(409)
                .body("detail", equalTo("This invitee is already invited (invitation " + expertInvitation + ")"));
        OFFICE.request().body(Map.of("organisationId", UUID.randomUUID().toString())).post(invitationsPath)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is not a current member of the Taskforce"));
        OFFICE.request().body(Map.of("organisationId", ORG_B.toString(), "username", "someone")).post(invitationsPath)
                .then().statusCode(400).body("errors.field", hasItem("username"));
        OFFICE.request().body(Map.of()).post(invitationsPath).then().statusCode(400);

        // the link: invitees (A's representatives, the expert) and the AI Office; not B
        assertThat(Meetings.get(MEMBER_A, id).jsonPath().getString("joiningLink")).endsWith("adhoc");
        assertThat(Meetings.get(EXPERT, id).jsonPath().getString("joiningLink")).endsWith("adhoc");
        assertThat(Meetings.get(MEMBER_B, id).jsonPath().getString("joiningLink")).isNull();

        String orgAnswer = invitationsPath + "/" + orgInvitation + "/response";
        String expertAnswer = invitationsPath + "/" + expertInvitation + "/response";
        MEMBER_B.request().body(Map.of("response", "DECLINED")).put(orgAnswer).then().statusCode(403)
                .body("detail", equalTo(ONLY_THE_INVITEE));
        OFFICE.request().body(Map.of("response", "DECLINED")).put(orgAnswer).then().statusCode(403)
                .body("detail", equalTo(ONLY_THE_INVITEE));
        EXPERT.request().body(Map.of("response", "DECLINED")).put(orgAnswer).then().statusCode(403)
                .body("detail", equalTo(ONLY_THE_INVITEE));
        MEMBER_A.request().body(Map.of("response", "PENDING")).put(orgAnswer).then().statusCode(400);
        MEMBER_A.request().body(Map.of("response", "MAYBE")).put(orgAnswer).then().statusCode(400)
                .body("errors[0].field", equalTo("response"));
        MEMBER_A.request().body(Map.of("response", "TENTATIVE")).put(orgAnswer).then().statusCode(200)
                .body("response", equalTo("TENTATIVE"));
        MEMBER_A.request().body(Map.of("response", "ACCEPTED")).header("If-Match", "\"0\"").put(orgAnswer)
                .then().statusCode(412)
                .body("detail", containsString("The record has changed since you read it"));
        MEMBER_A.request().body(Map.of("response", "ACCEPTED")).put(expertAnswer).then().statusCode(403)
                .body("detail", equalTo(ONLY_THE_INVITEE));
        EXPERT.request().body(Map.of("response", "ACCEPTED")).put(expertAnswer).then().statusCode(200)
                .body("response", equalTo("ACCEPTED"));
        MEMBER_B.request().get(invitationsPath + "/" + orgInvitation).then().statusCode(404);
        MEMBER_A.request().get(invitationsPath + "/" + orgInvitation).then().statusCode(200)
                .body("response", equalTo("TENTATIVE"));
        assertThat(invitations(MEMBER_B, id)).isEmpty();
        assertThat(invitations(EXPERT, id)).extracting(i -> i.get("id")).containsExactly(expertInvitation);
    }

    @Test
    void badInputOnTheLifecycleWritesChangesNothing() {
        String id = convene(meeting("PLENARY", inDays(0).minusHours(1), "bad"));
        String path = MEETINGS + "/" + id;
        String startsAt = OFFICE.request().get(path).then().extract().path("startsAt");
        OFFICE.request().body(Map.of("startsAt", inDays(3).toString(), "endsAt", inDays(2).toString()))
                .post(path + "/reschedule").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("endsAt"));
        OFFICE.request().body(Map.of("startsAt", inDays(3).toString(), "endsAt", inDays(3).plusHours(1).toString(),
                "timeZone", "Europe/Atlantis")).post(path + "/reschedule").then().statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        OFFICE.request().body(Map.of()).post(path + "/reschedule").then().statusCode(400)
                .body("errors.field", hasItem("startsAt"));
        java.util.List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        OFFICE.request().body(Map.of("attendingOrganisations", withNull)).post(path + "/held").then().statusCode(400)
                .body("errors[0].field", equalTo("attendingOrganisations[0]"));
        OFFICE.request().post(path + "/held").then().statusCode(400).contentType("application/problem+json");
        OFFICE.request().body(Map.of("attendingOrganisations", List.of(ORG_A.toString()),
                "attendingIndividuals", List.of(UUID.randomUUID().toString()))).post(path + "/held")
                .then().statusCode(400).body("errors[0].field", equalTo("attendingIndividuals[0]"));
        OFFICE.request().get(path).then().statusCode(200).body("status", equalTo("SCHEDULED"))
                .body("startsAt", equalTo(startsAt)).body("attendance.size()", equalTo(0));
        String invitation = (String) invitationOf(id, ORG_A).get("id");
        MEMBER_A.request().body(Map.of()).put(path + "/invitations/" + invitation + "/response").then().statusCode(400)
                .body("errors[0].field", equalTo("response"));
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "t", "guidanceDocumentIds", List.of("doc-1")))))
                .put(path + "/agenda").then().statusCode(400).contentType("application/problem+json");
        OFFICE.request().get(path + "/agenda").then().body("items.size()", equalTo(0));
    }

    @Test
    void nothingAboutAMeetingChangesOnceItIsHeldOrCancelled() {
        String held = convene(meeting("PLENARY", inDays(0).minusHours(1), "frozen"));
        Map<String, Object> agenda = Map.of("items", List.of(Map.of("title", "Late item")));
        Meetings.hold(held, List.of(ORG_A));
        List<String> heldBefore = everything(held);
        OFFICE.request().body(agenda).put(MEETINGS + "/" + held + "/agenda").then().statusCode(409)
                .body("detail", equalTo("The meeting is HELD; its agenda can no longer change"));
        OFFICE.request().post(MEETINGS + "/" + held + "/agenda/publication").then().statusCode(409)
                .body("detail", equalTo("The meeting is HELD; its agenda can no longer be published"));
        OFFICE.request().body(Map.of("username", "expert")).post(MEETINGS + "/" + held + "/invitations")
                .then().statusCode(409).body("detail", equalTo("The meeting is HELD; nobody more can be invited"));
        assertThat(everything(held)).as("the held meeting as it was").isEqualTo(heldBefore);

        String cancelled = convene(meeting("AD_HOC_GROUP", inDays(5), "frozen"));
        OFFICE.request().body(agenda).put(MEETINGS + "/" + cancelled + "/agenda").then().statusCode(200);
        OFFICE.request().body(Map.of("reason", "Not needed")).post(MEETINGS + "/" + cancelled + "/cancellation")
                .then().statusCode(200);
        List<String> cancelledBefore = everything(cancelled);
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Other item"))))
                .put(MEETINGS + "/" + cancelled + "/agenda").then().statusCode(409)
                .body("detail", equalTo("The meeting is CANCELLED; its agenda can no longer change"));
        OFFICE.request().post(MEETINGS + "/" + cancelled + "/agenda/publication").then().statusCode(409)
                .body("detail", equalTo("The meeting is CANCELLED; its agenda can no longer be published"));
        OFFICE.request().body(Map.of("organisationId", ORG_B.toString())).post(MEETINGS + "/" + cancelled + "/invitations")
                .then().statusCode(409).body("detail", equalTo("The meeting is CANCELLED; nobody more can be invited"));
        OFFICE.request().body(Map.of("text", "Minutes")).put(MEETINGS + "/" + cancelled + "/minutes").then().statusCode(409)
                .body("detail", equalTo("The meeting is CANCELLED; minutes are written for a meeting held, before its summary "
                        + "is published"));
        assertThat(everything(cancelled)).as("the cancelled meeting as it was").isEqualTo(cancelledBefore);
    }

    /** What the AI Office reads of a meeting: the meeting, its agenda, its invitations and its minutes. */
    static List<String> everything(String meetingId) {
        List<String> read = new ArrayList<>();
        for (String part : List.of("", "/agenda", "/minutes")) {
            var response = OFFICE.request().get(MEETINGS + "/" + meetingId + part);
            read.add(part + " " + response.statusCode() + " " + response.asString());
        }
        read.add("/invitations " + invitations(OFFICE, meetingId));
        return read;
    }

    /** Every invitation of the meeting that {@code actor} may see. */
    static List<Map<String, Object>> invitations(Actors actor, String meetingId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = actor.request().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(MEETINGS + "/" + meetingId + "/invitations").then().statusCode(200)
                    .extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    static Map<String, Object> invitationOf(String meetingId, UUID organisation) {
        return invitations(OFFICE, meetingId).stream()
                .filter(i -> organisation.toString().equals(i.get("organisationId"))).findFirst().orElse(null);
    }

    long everMembers() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from member_organisation where membership_id is not null").getSingleResult()).longValue());
    }

    long meetingsTitled(String title) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from meeting where title = :title").setParameter("title", title)
                .getSingleResult()).longValue());
    }
}
