package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.GuidanceKind;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.transparency.ingest.Ingest;
import eu.taskforce.transparency.log.Rebuild;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AI Office rebuilds the read model from the topics (real Keycloak tokens): the old generation serves until the
 * new one has caught up, an event that comes during the rebuild is in the new one, and the register and the log are
 * the same afterwards.
 */
@QuarkusTest
class RebuildTest {

    static final String TOKEN_URL = "http://127.0.0.1:8180/realms/taskforce/protocol/openid-connect/token";
    static final List<String> LISTS = List.of("/api/v1/public/participants", "/api/v1/public/signatories",
            "/api/v1/public/membership-periods", "/api/v1/public/stakeholders", "/api/v1/public/ad-hoc-groups",
            "/api/v1/public/meetings", "/api/v1/public/meetings/requests/declined", "/api/v1/public/meetings/decisions",
            "/api/v1/public/guidance/documents", "/api/v1/public/guidance/windows", "/api/v1/public/guidance/feedback",
            "/api/v1/public/guidance/evidence",
            "/api/v1/public/vademecum/editions");
    /** The tables that hold rows of a generation (as Projector.delete drops them). */
    static final List<String> GENERATION_TABLES = List.of("register_event", "organisation", "membership_period",
            "representative", "stakeholder", "ad_hoc_group", "ad_hoc_group_participant", "meeting", "meeting_request",
            "decision", "cadence_warning", "search_document", "guidance_document", "guidance_version", "input_window",
            "feedback", "evidence",
            "vademecum_edition");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

    @Inject
    Rebuild rebuild;

    @Inject
    EntityManager em;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.MEMBERSHIP), topicNames.of(Topics.MEETINGS),
                topicNames.of(Topics.GUIDANCE)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    @AfterEach
    void close() {
        events.close();
    }

    static String token(String user) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "taskforce-portal").formParam("username", user)
                .formParam("password", user + "-demo").post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    @Test
    void onlyTheAiOfficeRebuilds() {
        given().post("/api/v1/transparency/rebuilds").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token("member-a")).post("/api/v1/transparency/rebuilds").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("Your role does not allow this action"));
        given().auth().oauth2(token("member-a")).post("/api/v1/transparency/log/heads").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.equalTo("Your role does not allow this action"));
    }

    @Test
    void aRebuildGivesTheSameRegisterAndTheSameChain() throws InterruptedException {
        UUID organisation = UUID.randomUUID();
        String name = "Rebuild AI " + organisation;
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation, new SignatoryRegistered(
                organisation, name, "NL", null, Set.of(Chapter.SAFETY_AND_SECURITY), LocalDate.of(2025, 8, 1)), RegisterEvents.at(5));
        events.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), name, LocalDate.of(2026, 1, 30)), RegisterEvents.at(4));
        // and a round of guidance input, so that the guidance tables are rebuilt too
        UUID document = UUID.randomUUID(), version = UUID.randomUUID(), window = UUID.randomUUID(), feedback = UUID.randomUUID();
        String title = "Rebuild guidelines " + document;
        events.send(UUID.randomUUID().toString(), EventTypes.DOCUMENT_PUBLISHED, document, new DocumentProfile(document,
                title, GuidanceKind.TEMPLATE, List.of(), List.of("TRANSPARENCY-1"), null, RegisterEvents.at(5), "2025-07-10"),
                RegisterEvents.at(5));
        events.send(UUID.randomUUID().toString(), EventTypes.VERSION_PUBLISHED, document, new VersionPublished(document,
                title, version, 1, null, List.of(new VersionPublished.Section("scope", 1, "Scope")), RegisterEvents.at(5)),
                RegisterEvents.at(5));
        events.send(UUID.randomUUID().toString(), EventTypes.WINDOW_OPENED, window, new WindowOpened(window, document,
                title, version, 1, RegisterEvents.at(5), RegisterEvents.at(3)), RegisterEvents.at(5));
        events.send(UUID.randomUUID().toString(), EventTypes.DISPOSITIONS_PUBLISHED, window, new DispositionsPublished(
                window, document, title, version, 1, RegisterEvents.at(5), RegisterEvents.at(3),
                List.of(new DispositionsPublished.PublicItem(feedback, "scope", "Scope", Attribution.ANONYMOUS, null, null,
                        "Rebuild feedback", Disposition.OUT_OF_SCOPE, "Not in this template")),
                List.of(new DispositionsPublished.DispositionCount(Disposition.ACCEPTED, 1)), RegisterEvents.at(4)),
                RegisterEvents.at(4));
        await().atMost(Duration.ofSeconds(60)).until(() -> MeetingRegisterTest.all("/api/v1/public/participants",
                m -> m.get("organisationId")).contains(organisation.toString())
                && MeetingRegisterTest.all("/api/v1/public/guidance/feedback", m -> m.get("id")).contains(feedback.toString()));

        Map<String, List<Map<String, Object>>> before = register();
        JsonPath log = given().get("/api/v1/public/register/log/entries?from=1&limit=1").then().statusCode(200)
                .extract().jsonPath();
        long headBefore = log.getLong("headSequence");
        String hashBefore = hashAt(headBefore);
        String office = token("office");
        int served = given().auth().oauth2(office).get("/api/v1/transparency/rebuilds").then().statusCode(200)
                .extract().path("servedGeneration");

        Rebuild.SwitchHold hold = rebuild.holdNextSwitch();
        UUID meeting = UUID.randomUUID();
        int building;
        try {
            building = given().auth().oauth2(office).post("/api/v1/transparency/rebuilds").then().statusCode(202)
                    .body("servedGeneration", org.hamcrest.Matchers.equalTo(served)).extract().path("buildingGeneration");
            assertThat(building).isGreaterThan(served);
            // a second rebuild while one runs is refused; the old generation still answers meanwhile
            given().auth().oauth2(office).post("/api/v1/transparency/rebuilds").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.equalTo("A rebuild is already running; wait until it has switched"));
            assertThat(MeetingRegisterTest.all("/api/v1/public/participants", m -> m.get("organisationId")))
                    .contains(organisation.toString());

            // an event during the rebuild, once it has read up to its end offsets and reads no more: only the live
            // consumers' write to both generations can bring it into the new one
            assertThat(hold.caughtUp().await(5, TimeUnit.MINUTES)).as("the rebuild caught up").isTrue();
            OffsetDateTime start = RegisterEvents.at(300);
            events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, meeting, new MeetingConvened(meeting,
                    "During rebuild " + meeting, MeetingKind.PLENARY, MeetingFormat.ONLINE, start, start.plusHours(1),
                    "Europe/Brussels", null, null), RegisterEvents.at(3));
            events.send(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, meeting, new MeetingHeld(meeting,
                    "During rebuild " + meeting, MeetingKind.PLENARY, start, start.plusHours(1), List.of(), 0), RegisterEvents.at(2));
            // served by the old generation while the new one is still building, and written to the new one too
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/public/meetings/" + meeting)
                    .statusCode() == 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> rows("meeting where id = '" + meeting + "'", building) == 1);
            assertThat((Integer) given().auth().oauth2(office).get("/api/v1/transparency/rebuilds").then().statusCode(200)
                    .extract().path("buildingGeneration")).isEqualTo(building);
        } finally {
            hold.release().countDown();
        }

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> (Integer) given()
                .auth().oauth2(token("office")).get("/api/v1/transparency/rebuilds").then().statusCode(200).extract()
                .path("servedGeneration"), g -> g == building);
        given().get("/api/v1/public/meetings/" + meeting).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("HELD"));

        // the same register both ways: every item as it was, nothing extra but the meeting held during the rebuild,
        // and no item twice
        Map<String, List<Map<String, Object>>> after = register();
        for (String list : LISTS) {
            assertThat(after.get(list)).as("%s has no item twice", list).doesNotHaveDuplicates();
            assertThat(before.get(list)).as("%s before", list).doesNotHaveDuplicates();
            List<Map<String, Object>> rebuilt = after.get(list).stream()
                    .filter(m -> !meeting.toString().equals(m.get("id"))).toList();
            assertThat(rebuilt).as(list).containsExactlyInAnyOrderElementsOf(before.get(list));
        }
        assertThat(after.get("/api/v1/public/meetings")).anySatisfy(m -> assertThat(m.get("id")).isEqualTo(meeting.toString()));
        // the log was checked entry by entry, not rewritten: what was there is unchanged, and every entry derived
        // again came out the same (no correction appended)
        List<Map<String, Object>> appended = given().queryParam("from", headBefore + 1).queryParam("limit", 1000)
                .get("/api/v1/public/register/log/entries").then().statusCode(200).extract().jsonPath().getList("entries");
        assertThat(appended).allSatisfy(e -> assertThat(((Map<?, ?>) e.get("entry")).get("corrects"))
                .as("entry %s", e.get("sequence")).isNull());
        assertThat(hashAt(headBefore)).isEqualTo(hashBefore);
        // the old generation is retired and its rows are gone
        JsonPath status = given().auth().oauth2(token("office")).get("/api/v1/transparency/rebuilds").then()
                .statusCode(200).extract().jsonPath();
        assertThat(status.getString("generations.find { it.generation == " + building + " }.status")).isEqualTo("SERVING");
        assertThat(status.getString("generations.find { it.generation == " + served + " }.status")).isEqualTo("RETIRED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String table : GENERATION_TABLES) {
                assertThat(rows(table, served)).as("%s rows of generation %d", table, served).isZero();
            }
            assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "select count(*) from processed_event where consumer = :c")
                    .setParameter("c", Ingest.consumer(served)).getSingleResult()).longValue())).isZero();
        });
        assertThat(rows("meeting", building)).isPositive();
    }

    /**
     * An instance died in the middle of a rebuild (its lease ran out, nothing read yet): another instance, here this
     * one, takes the rebuild over and completes it, and the register comes out the same.
     */
    @Test
    void aRebuildWhoseInstanceDiedIsTakenOverAndCompleted() {
        String office = token("office");
        int served = given().auth().oauth2(office).get("/api/v1/transparency/rebuilds").then().statusCode(200)
                .extract().path("servedGeneration");
        Map<String, List<Map<String, Object>>> before = register();
        int abandoned = insertBuilding("12345@gone-instance/1", "now() - interval '1 second'");

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> (Integer) given()
                .auth().oauth2(office).get("/api/v1/transparency/rebuilds").then().statusCode(200).extract()
                .path("servedGeneration"), g -> g == abandoned);
        Map<String, List<Map<String, Object>>> after = register();
        for (String list : LISTS) {
            assertThat(after.get(list)).as(list).containsExactlyInAnyOrderElementsOf(before.get(list));
        }
        JsonPath status = given().auth().oauth2(office).get("/api/v1/transparency/rebuilds").then().statusCode(200)
                .extract().jsonPath();
        assertThat(status.getString("generations.find { it.generation == " + served + " }.status")).isEqualTo("RETIRED");
        assertThat(status.getLong("recordsRead")).as("records read by the instance that took it over").isPositive();
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select owner from register_generation where generation = :g").setParameter("g", abandoned)
                .getSingleResult())).as("a served generation has no lease").isNull();
    }

    /** A rebuild whose instance is alive (its lease runs) is left to it: no other instance takes it or ends it. */
    @Test
    void aRebuildHeldByALiveInstanceIsLeftToIt() {
        String office = token("office");
        String alive = "23456@alive-instance/2";
        int building = insertBuilding(alive, "now() + interval '10 minutes'");
        try {
            given().auth().oauth2(office).post("/api/v1/transparency/rebuilds").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.equalTo("A rebuild is already running; wait until it has switched"));
            // several of this instance's looks for abandoned rebuilds (every second in the tests) pass meanwhile
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                    QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                                    "select owner, status from register_generation where generation = :g")
                            .setParameter("g", building).getSingleResult()),
                    row -> alive.equals(row[0]) && "BUILDING".equals(row[1]));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update register_generation set status = 'FAILED', owner = null, lease_until = null,
                                detail = 'ended by the test' where generation = :g""")
                    .setParameter("g", building).executeUpdate());
        }
    }

    /** A BUILDING generation held by {@code owner} with the lease ending at {@code leaseUntil} (SQL); its number. */
    int insertBuilding(String owner, String leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int next = ((Number) em.createNativeQuery("select coalesce(max(generation), 0) + 1 from register_generation")
                    .getSingleResult()).intValue();
            em.createNativeQuery("insert into register_generation (generation, status, started_at, owner, lease_until) "
                            + "values (:g, 'BUILDING', now(), :owner, " + leaseUntil + ")")
                    .setParameter("g", next).setParameter("owner", owner).executeUpdate();
            return next;
        });
    }

    /** The rows of a generation in a table (and a condition). */
    long rows(String tableAndCondition, int generation) {
        String sql = "select count(*) from " + tableAndCondition + (tableAndCondition.contains(" where ") ? " and" : " where")
                + " generation = :g";
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("g", generation).getSingleResult()).longValue());
    }

    String hashAt(long sequence) {
        return given().queryParam("from", sequence).queryParam("limit", 1).get("/api/v1/public/register/log/entries")
                .then().statusCode(200).extract().jsonPath().getString("entries[0].hash");
    }

    /** Every list of the register, item by item. */
    static Map<String, List<Map<String, Object>>> register() {
        return LISTS.stream().collect(Collectors.toMap(Function.identity(), list -> MeetingRegisterTest.all(list, m -> m)));
    }
}
