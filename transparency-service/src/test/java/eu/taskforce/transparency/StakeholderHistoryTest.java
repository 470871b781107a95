package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.membership.AdHocGroupCreated;
import eu.taskforce.contracts.membership.AdHocGroupStakeholderParticipation;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.platform.kafka.TopicNames;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stakeholder's history in the public register, built from events: the ad-hoc groups it takes part in, the
 * meetings it attended and the public evidence it submitted under its name, served only while it is listed publicly; a group shows only its stakeholders listed publicly;
 * after erasure neither the history nor the name is served anywhere.
 */
@QuarkusTest
@QuarkusTestResource(value = MembershipStub.class, restrictToAnnotatedClass = false)
class StakeholderHistoryTest {

    static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);
    static final String GROUPS = "/api/v1/public/ad-hoc-groups";

    RegisterEvents events;

    @BeforeEach
    void producer() {
        String brokers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TopicNames topics = Arc.container().instance(TopicNames.class).get();
        RegisterEvents.keepForever(brokers, List.of(topics.of(Topics.MEMBERSHIP), topics.of(Topics.MEETINGS),
                topics.of(Topics.GUIDANCE)));
        events = new RegisterEvents(brokers, topics.of(""));
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void aListedStakeholdersGroupsAndMeetingsArePublicAnUnlistedOnesAreNot() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID listed = UUID.randomUUID();
        UUID unlisted = UUID.randomUUID();
        String listedName = "Listed Institute " + run;
        send(EventTypes.STAKEHOLDER_REGISTERED, listed, new StakeholderProfile(listed,
                StakeholderProfile.Kind.ORGANISATION, true, listedName, "Evaluations", null, null), 10);
        send(EventTypes.STAKEHOLDER_REGISTERED, unlisted, new StakeholderProfile(unlisted,
                StakeholderProfile.Kind.ORGANISATION, false, null, null, null, null), 10);
        UUID group = group("History group " + run, listed, unlisted);
        UUID meeting = held("History session " + run, listed, unlisted);
        UUID evidence = evidence("Evaluation practices " + run, Attribution.ATTRIBUTED, listed, 6);
        evidence("Anonymous notes " + run, Attribution.ANONYMOUS, listed, 5);
        evidence("Unlisted study " + run, Attribution.ATTRIBUTED, unlisted, 4);

        JsonPath history = awaitHistory(listed, h -> h.getList("meetingsAttended").size() == 1
                && h.getList("adHocGroups").size() == 1 && h.getList("inputGiven").size() == 1);
        assertThat(history.getString("stakeholder.name")).isEqualTo(listedName);
        assertThat(history.getString("adHocGroups[0].id")).isEqualTo(group.toString());
        assertThat(history.getString("meetingsAttended[0].meetingId")).isEqualTo(meeting.toString());
        assertThat(history.getString("meetingsAttended[0].kind")).isEqualTo("STAKEHOLDER_SESSION");
        // its evidence given under its name, never the anonymous one (even were an event to name it)
        assertThat(history.getString("inputGiven[0].evidenceId")).isEqualTo(evidence.toString());
        assertThat(history.getString("inputGiven[0].title")).isEqualTo("Evaluation practices " + run);
        assertThat(history.getString("inputGiven[0].type")).isEqualTo("EXPERT_INPUT");

        given().get(history(unlisted)).then().statusCode(404).contentType("application/problem+json");
        given().get(history(UUID.randomUUID())).then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> shown = publicGroup(group);
        assertThat((List<Map<String, Object>>) shown.get("stakeholders")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("id", listed.toString()).containsEntry("name", listedName));
    }

    @Test
    void anErasedPersonsHistoryAndNameAreServedNoMore() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID person = UUID.randomUUID();
        String name = "Planted Expert " + UUID.randomUUID().toString().replace("-", "");
        Opening opening = Opening.of("publicName", person, name);
        MembershipStub.disclose(opening);
        send(EventTypes.STAKEHOLDER_REGISTERED, person, new StakeholderProfile(person, StakeholderProfile.Kind.PERSON,
                true, null, null, opening.personalField(), null), 10);
        UUID group = group("Erasure group " + run, person);
        held("Erasure session " + run, person);
        JsonPath history = awaitHistory(person, h -> h.getList("meetingsAttended").size() == 1
                && h.getList("adHocGroups").size() == 1 && name.equals(h.getString("stakeholder.name")));
        assertThat(history.getString("stakeholder.nameCommitment")).isEqualTo(opening.commitment());

        MembershipStub.forget(opening.commitment());
        send(EventTypes.STAKEHOLDER_ERASED, person, new StakeholderErased(person, List.of(opening.commitment())), 0);
        await().atMost(APPLIED_WITHIN).until(() -> given().get(history(person)).statusCode() == 404);
        assertThat((List<?>) publicGroup(group).get("stakeholders")).isEmpty();
        assertThat(given().get(GROUPS + "?limit=500").asString()).doesNotContain(name);
    }

    private UUID group(String name, UUID... stakeholders) {
        UUID group = UUID.randomUUID();
        send(EventTypes.AD_HOC_GROUP_CREATED, group, new AdHocGroupCreated(group, name, null), 9);
        for (UUID stakeholder : stakeholders) {
            send(EventTypes.AD_HOC_GROUP_STAKEHOLDER_ADDED, group,
                    new AdHocGroupStakeholderParticipation(group, stakeholder), 8);
        }
        return group;
    }

    private UUID held(String title, UUID... stakeholders) {
        UUID meeting = UUID.randomUUID();
        OffsetDateTime startsAt = RegisterEvents.at(120);
        send(EventTypes.MEETING_HELD, meeting, new MeetingHeld(meeting, title, MeetingKind.STAKEHOLDER_SESSION,
                startsAt, startsAt.plusHours(1), List.of(), stakeholders.length, List.of(stakeholders)), 7);
        return meeting;
    }

    private UUID evidence(String title, Attribution attribution, UUID stakeholder, int minutesAgo) {
        UUID evidence = UUID.randomUUID();
        send(EventTypes.EVIDENCE_SUBMITTED, evidence, new EvidenceSubmitted(evidence, title, "Findings", EvidenceType.EXPERT_INPUT,
                "https://example.org/input", List.of("SAFETY_AND_SECURITY-3"), SubmitterRole.STAKEHOLDER, attribution,
                null, null, RegisterEvents.at(minutesAgo), "2025-07-10", stakeholder), minutesAgo);
        return evidence;
    }

    private void send(eu.taskforce.contracts.EventType<?> type, UUID subject, Object data, int minutesAgo) {
        events.send(UUID.randomUUID().toString(), type, subject, data, RegisterEvents.at(minutesAgo));
    }

    private static String history(UUID stakeholder) {
        return "/api/v1/public/stakeholders/" + stakeholder + "/history";
    }

    private static JsonPath awaitHistory(UUID stakeholder, java.util.function.Predicate<JsonPath> done) {
        return await().atMost(APPLIED_WITHIN).until(() -> {
            var response = given().get(history(stakeholder));
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, h -> h != null && done.test(h));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> publicGroup(UUID group) {
        return MeetingRegisterTest.all(GROUPS, m -> m).stream().filter(m -> group.toString().equals(m.get("id")))
                .findFirst().orElseThrow();
    }
}
