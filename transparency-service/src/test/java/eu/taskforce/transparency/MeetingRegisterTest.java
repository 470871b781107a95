package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.DecisionSubject;
import eu.taskforce.contracts.meetings.DecisionSubjectKind;
import eu.taskforce.contracts.meetings.DecisionResult;
import eu.taskforce.contracts.meetings.DecisionThreshold;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.MeetingRequestDeclined;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.meetings.MeetingRequestSupported;
import eu.taskforce.contracts.meetings.MeetingRescheduled;
import eu.taskforce.contracts.meetings.SummaryPublished;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.testing.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static eu.taskforce.transparency.RegisterEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The meetings register, fed real CloudEvents through the shared broker ({@code test.} topics) and read through the
 * public API: it ends up saying what the events say, whatever order they come in and however often.
 */
@QuarkusTest
class MeetingRegisterTest {

    static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);
    static final UUID ORG_A = UUID.fromString("d400dada-de45-4c38-b750-82bd5f66d15a");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

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

    /** The events of one meeting's life, each with its id, in the order they happened. */
    record Story(UUID meeting, List<ProducerRecord<String, String>> records) {
    }

    Story story(String title, OffsetDateTime base) {
        UUID meeting = UUID.randomUUID();
        OffsetDateTime start = base.minusMinutes(600);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(events.event(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, meeting,
                new MeetingConvened(meeting, title, MeetingKind.PLENARY, MeetingFormat.HYBRID, start.plusDays(1),
                        start.plusDays(1).plusHours(2), "Europe/Brussels", "Brussels, Madou", null), base.minusMinutes(60)));
        records.add(events.event(UUID.randomUUID().toString(), EventTypes.AGENDA_PUBLISHED, meeting,
                new AgendaPublished(meeting, 1, List.of(new AgendaPublished.Item(1, "Opening", null, List.of(), List.of(), null))),
                base.minusMinutes(50)));
        records.add(events.event(UUID.randomUUID().toString(), EventTypes.MEETING_RESCHEDULED, meeting,
                new MeetingRescheduled(meeting, start, start.plusHours(2), "Europe/Brussels", start.plusDays(1), "room"),
                base.minusMinutes(40)));
        records.add(events.event(UUID.randomUUID().toString(), EventTypes.AGENDA_PUBLISHED, meeting,
                new AgendaPublished(meeting, 2, List.of(
                        new AgendaPublished.Item(1, "Opening", null, List.of(), List.of(), null),
                        new AgendaPublished.Item(2, "Serious incident reporting timelines", "Measure 9.3",
                                List.of("SAFETY_AND_SECURITY-9.3"), List.of(), null))), base.minusMinutes(30)));
        records.add(events.event(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, meeting,
                new MeetingHeld(meeting, title, MeetingKind.PLENARY, start, start.plusHours(2),
                        List.of(new MeetingHeld.Attendee(ORG_A, "Mistral AI")), 2), base.minusMinutes(20)));
        records.add(events.event(UUID.randomUUID().toString(), EventTypes.SUMMARY_PUBLISHED, meeting,
                new SummaryPublished(meeting, "Members exchanged views on incident reporting timelines.",
                        List.of(new SummaryPublished.WithheldPart("Vendor roadmap", WithholdingReason.COMMERCIALLY_CONFIDENTIAL)),
                        base.minusMinutes(10)), base.minusMinutes(10)));
        return new Story(meeting, records);
    }

    @Test
    void duplicatesAndEventsOutOfOrderGiveWhatTheEventsSayInOrder() {
        OffsetDateTime base = RegisterEvents.at(0);
        Story inOrder = story("In order " + UUID.randomUUID(), base);
        inOrder.records().forEach(events::send);

        Story shuffled = story("Shuffled " + UUID.randomUUID(), base);
        List<ProducerRecord<String, String>> r = shuffled.records();
        // the summary first (a meeting not seen yet), the old agenda after the new, the convening last, and duplicates
        for (int i : new int[]{5, 3, 4, 1, 5, 2, 0, 3, 0}) {
            events.send(r.get(i));
        }

        Map<String, Object> expected = awaitMeeting(inOrder.meeting(), m -> "SUMMARY_PUBLISHED".equals(m.get("status")));
        Map<String, Object> actual = awaitMeeting(shuffled.meeting(), m -> "SUMMARY_PUBLISHED".equals(m.get("status"))
                && Integer.valueOf(2).equals(m.get("agendaRevision")) && m.get("format") != null);

        assertThat(without(actual, "id", "title")).isEqualTo(without(expected, "id", "title"));
        assertThat(actual.get("withheldParts")).isEqualTo(List.of(Map.of("title", "Vendor roadmap",
                "reason", "COMMERCIALLY_CONFIDENTIAL")));
        assertThat(actual.get("attendance")).isEqualTo(List.of(Map.of("organisationId", ORG_A.toString(),
                "organisationName", "Mistral AI")));
        assertThat((List<?>) actual.get("agenda")).hasSize(2);
        assertThat(actual.get("individualAttendees")).isEqualTo(2);
        // in the held list, and the meeting page answers a conditional GET with 304
        assertThat(all("/api/v1/public/meetings", Function.identity()).stream().map(m -> m.get("id")))
                .contains(shuffled.meeting().toString());
        String etag = given().get("/api/v1/public/meetings/" + shuffled.meeting()).then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("public"))
                .extract().header("ETag");
        ConditionalGet.assertNotModified("/api/v1/public/meetings/" + shuffled.meeting(), etag);
    }

    @Test
    void declinedRequestsDecisionsUpcomingMeetingsAndTheCadenceAreShown() {
        UUID request = UUID.randomUUID();
        String topic = "Open-source models " + request;
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_REQUEST_FILED, request,
                new MeetingRequestFiled(request, ORG_A, "Mistral AI", topic, List.of("Exemptions"), RegisterEvents.at(30)),
                RegisterEvents.at(30));
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_REQUEST_SUPPORTED, request,
                new MeetingRequestSupported(request, UUID.randomUUID(), "Aleph Alpha", 1), RegisterEvents.at(20));
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_REQUEST_DECLINED, request,
                new MeetingRequestDeclined(request, "Covered by the plenary of March"), RegisterEvents.at(10));

        UUID decision = UUID.randomUUID();
        String question = "Invite an external expert? " + decision;
        // closed before opened arrives: the register waits for nothing and ends with both
        events.send(UUID.randomUUID().toString(), EventTypes.DECISION_CLOSED, decision,
                new DecisionClosed(decision, question, DecisionThreshold.TWO_THIRDS, DecisionResult.ADOPTED, 8, 2, 1,
                        RegisterEvents.at(5), 40, 25, new DecisionSubject(DecisionSubjectKind.MEETING_REQUEST, request)),
                RegisterEvents.at(5));
        UUID upcoming = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.DECISION_OPENED, decision,
                new DecisionOpened(decision, question, DecisionThreshold.TWO_THIRDS, RegisterEvents.at(5), upcoming, 40,
                        new DecisionSubject(DecisionSubjectKind.MEETING_REQUEST, request)),
                RegisterEvents.at(15));
        UUID unmet = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.DECISION_CLOSED, unmet,
                new DecisionClosed(unmet, "Adopt the glossary? " + unmet, DecisionThreshold.UNANIMITY,
                        DecisionResult.NO_QUORUM, 1, 0, 0, RegisterEvents.at(4), 50, 25, null), RegisterEvents.at(4));
        // a version 1 record, as older records of the topic hold it: still shown, without a quorum
        UUID older = UUID.randomUUID();
        events.send(events.event(UUID.randomUUID().toString(), EventTypes.DECISION_CLOSED_V1, older,
                "{\"decisionId\":\"" + older + "\",\"question\":\"Adopt the agenda?\",\"threshold\":\"UNANIMITY\","
                        + "\"result\":\"ADOPTED\",\"yes\":3,\"no\":0,\"abstain\":0,\"closedAt\":\""
                        + RegisterEvents.at(3) + "\"}", RegisterEvents.at(3)));

        OffsetDateTime start = OffsetDateTime.now().plusDays(30).withNano(0);
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, upcoming,
                new MeetingConvened(upcoming, "Plenary to come " + upcoming, MeetingKind.PLENARY, MeetingFormat.ONLINE,
                        start, start.plusHours(3), "Europe/Brussels", null, null), RegisterEvents.at(3));
        events.send(UUID.randomUUID().toString(), EventTypes.AGENDA_PUBLISHED, upcoming,
                new AgendaPublished(upcoming, 1, List.of(new AgendaPublished.Item(1, "Copyright policy", null,
                        List.of("COPYRIGHT-1.1"), List.of(), "2027-03-01"))), RegisterEvents.at(2));
        // the last plenary held is this one (every other plenary the tests hold started earlier), so the deadline is a
        // year after its day, and the next plenary (this test's upcoming one, or an earlier one) is before it: ON_TRACK
        UUID held = UUID.randomUUID();
        OffsetDateTime heldStart = RegisterEvents.at(1);
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, held,
                new MeetingConvened(held, "Plenary just held " + held, MeetingKind.PLENARY, MeetingFormat.ONLINE,
                        heldStart, heldStart.plusHours(1), "Europe/Brussels", null, null), RegisterEvents.at(3));
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, held,
                new MeetingHeld(held, "Plenary just held " + held, MeetingKind.PLENARY, heldStart, heldStart.plusHours(1),
                        List.of(), 0), RegisterEvents.at(1));
        // the latest warning is the one with the latest deadline: none the tests send is later than this one
        events.send(UUID.randomUUID().toString(), EventTypes.CADENCE_WARNING, CadenceWarning.SUBJECT,
                new CadenceWarning(LocalDate.of(2099, 1, 30), null, LocalDate.of(2100, 1, 30), 40), RegisterEvents.at(1));
        LocalDate heldOn = heldStart.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate();

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> {
            assertThat(all("/api/v1/public/meetings/requests/declined", Function.identity()))
                    .anySatisfy(d -> {
                        assertThat(d.get("topic")).isEqualTo(topic);
                        assertThat(d.get("reason")).isEqualTo("Covered by the plenary of March");
                        assertThat(d.get("supporters")).isEqualTo(1);
                    });
            assertThat(all("/api/v1/public/meetings/decisions", Function.identity())).anySatisfy(d -> {
                assertThat(d.get("question")).isEqualTo(question);
                assertThat(d.get("result")).isEqualTo("ADOPTED");
                assertThat(d.get("yes")).isEqualTo(8);
                assertThat(d.get("meetingId")).isEqualTo(upcoming.toString());
                assertThat(d.get("quorum")).isEqualTo(40);
                assertThat(d.get("eligible")).isEqualTo(25);
                assertThat(d.get("subject")).isEqualTo(Map.of("kind", "MEETING_REQUEST", "id", request.toString()));
            });
            assertThat(all("/api/v1/public/meetings/decisions", Function.identity())).anySatisfy(d -> {
                assertThat(d.get("id")).isEqualTo(unmet.toString());
                assertThat(d.get("result")).isEqualTo("NO_QUORUM");
                assertThat(d.get("subject")).isNull();
            });
            assertThat(all("/api/v1/public/meetings/decisions", Function.identity())).anySatisfy(d -> {
                assertThat(d.get("id")).isEqualTo(older.toString());
                assertThat(d.get("result")).isEqualTo("ADOPTED");
                assertThat(d.get("yes")).isEqualTo(3);
                assertThat(d.get("quorum")).isNull();
            });
            assertThat(all("/api/v1/public/meetings/upcoming", Function.identity())).anySatisfy(m -> {
                assertThat(m.get("id")).isEqualTo(upcoming.toString());
                assertThat(m.get("agenda").toString()).contains("Copyright policy").contains("codeEdition=2027-03-01");
            });
            JsonPath cadence = given().get("/api/v1/public/meetings/cadence").then().statusCode(200).extract().jsonPath();
            assertThat(cadence.getString("lastPlenaryId")).isEqualTo(held.toString());
            assertThat(cadence.getString("lastPlenaryHeldOn")).isEqualTo(heldOn.toString());
            assertThat(cadence.getString("deadline")).isEqualTo(heldOn.plusYears(1).toString());
            assertThat(cadence.getString("status")).isEqualTo("ON_TRACK");
            assertThat(cadence.getString("latestWarning.lastHeldOn")).isEqualTo("2099-01-30");
            assertThat(cadence.getString("latestWarning.deadline")).isEqualTo("2100-01-30");
            assertThat(cadence.getLong("latestWarning.daysLeft")).isEqualTo(40);
        });
    }

    @Test
    void aMalformedMeetingEventGoesToTheDeadLetterTopicWithItsReason() {
        UUID meeting = UUID.randomUUID();
        events.send(events.event(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, meeting,
                "{\"meetingId\": \"" + meeting + "\", \"attendance\": ", RegisterEvents.at(1)));
        String deadLetters = topicNames.of(Topics.MEETINGS) + ".dlq.transparency";
        List<ConsumerRecord<String, String>> found = await().atMost(APPLIED_WITHIN).until(
                () -> KafkaRecords.readAll(bootstrapServers, deadLetters).stream()
                        .filter(rec -> meeting.toString().equals(rec.key())).toList(), l -> !l.isEmpty());
        assertThat(KafkaRecords.header(found.get(0), "dead-letter-reason")).contains("not a valid MeetingHeld");
    }

    @Test
    void badParametersAreProblems() {
        for (String path : List.of("/api/v1/public/meetings?limit=0", "/api/v1/public/meetings?limit=501",
                "/api/v1/public/meetings?cursor=not-ours", "/api/v1/public/participants?on=yesterday",
                "/api/v1/public/meetings?updatedSince=last-week", "/api/v1/public/search?q=",
                "/api/v1/public/register/log/entries?from=0")) {
            given().get(path).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void pagesFollowTheirLinksAndUpdatedSinceLeavesOutWhatIsOlder() {
        Story story = story("Paging " + UUID.randomUUID(), RegisterEvents.at(0));
        story.records().forEach(events::send);
        awaitMeeting(story.meeting(), m -> "SUMMARY_PUBLISHED".equals(m.get("status")));

        List<String> byOne = new ArrayList<>();
        String next = "/api/v1/public/meetings?limit=1";
        while (next != null) {
            ExtractableResponse<Response> page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract();
            byOne.addAll(page.jsonPath().getList("items.id"));
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            assertThat(byOne.size()).as("pages end").isLessThan(10_000);
        }
        List<String> atOnce = given().queryParam("limit", 500).get("/api/v1/public/meetings").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        if (atOnce.size() < 500) {
            assertThat(byOne).isEqualTo(atOnce);
        }
        assertThat(byOne).contains(story.meeting().toString()).doesNotHaveDuplicates();

        List<String> recent = given().queryParam("updatedSince", RegisterEvents.at(11).toString())
                .queryParam("limit", 500).get("/api/v1/public/meetings").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        List<String> future = given().queryParam("updatedSince", OffsetDateTime.now().plusDays(1).toString())
                .get("/api/v1/public/meetings").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(recent).contains(story.meeting().toString());
        assertThat(future).isEmpty();
    }

    Map<String, Object> awaitMeeting(UUID id, java.util.function.Predicate<Map<String, Object>> ready) {
        return await().atMost(APPLIED_WITHIN).until(() -> {
            var response = given().get("/api/v1/public/meetings/" + id);
            return response.statusCode() == 200 ? response.jsonPath().<String, Object>getMap("") : null;
        }, m -> m != null && ready.test(m));
    }

    static Map<String, Object> without(Map<String, Object> map, String... keys) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    /** Every item of a list, page by page. */
    static <T> List<T> all(String path, Function<Map<String, Object>, T> view) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            page.<Map<String, Object>>getList("items").forEach(m -> items.add(view.apply(m)));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    PaperCirculated paper(UUID meeting, String title, PaperVisibility visibility, WithholdingReason reason, boolean late,
                          int minutesAgo) {
        return new PaperCirculated(meeting, UUID.randomUUID(), late ? null : 1, title, visibility, reason, at(minutesAgo),
                LocalDate.now().minusDays(3), late, "application/pdf", 1234, "ab".repeat(32));
    }

    @Test
    void everyPaperOfAMeetingHeldIsListedPublicOnesWithTheirDocumentOthersWithTheirReason() {
        UUID meeting = UUID.randomUUID();
        OffsetDateTime start = at(120);
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, meeting, new MeetingConvened(meeting,
                "Plenary with papers", MeetingKind.PLENARY, MeetingFormat.ONLINE, start, start.plusHours(1),
                "Europe/Brussels", null, null), at(200));
        PaperCirculated onTime = paper(meeting, "Draft template", PaperVisibility.PUBLIC, null, false, 190);
        PaperCirculated late = paper(meeting, "Late annex", PaperVisibility.PUBLIC, null, true, 150);
        PaperCirculated withheld = paper(meeting, "Vendor roadmap", PaperVisibility.MEMBERS,
                WithholdingReason.COMMERCIALLY_CONFIDENTIAL, false, 140);
        for (PaperCirculated p : List.of(onTime, late, withheld)) {
            events.send(UUID.randomUUID().toString(), EventTypes.PAPER_CIRCULATED, meeting, p, p.circulatedAt());
        }
        String papers = "/api/v1/public/meetings/" + meeting + "/papers";
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> given().get("/api/v1/public/meetings/"
                + meeting).then().statusCode(200).body("title", equalTo("Plenary with papers")));
        // not held: nothing listed yet
        given().get(papers).then().statusCode(200).body("items", empty());

        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, meeting, new MeetingHeld(meeting,
                "Plenary with papers", MeetingKind.PLENARY, start, start.plusHours(1), List.of(), 0), at(100));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> given().get(papers).then().statusCode(200)
                .body("items.title", contains("Draft template", "Late annex", "Vendor roadmap")));
        given().get(papers).then()
                .body("items[0].disclosed", equalTo(true)).body("items[0].late", equalTo(false))
                .body("items[0].agendaItem", equalTo(1)).body("items[0].withholdingReason", nullValue())
                .body("items[0].downloadPath", equalTo("/api/v1/meetings/public-papers/" + onTime.paperId()))
                .body("items[1].late", equalTo(true)).body("items[1].dueOn", equalTo(late.dueOn().toString()))
                .body("items[2].disclosed", equalTo(false))
                .body("items[2].withholdingReason", equalTo("COMMERCIALLY_CONFIDENTIAL"))
                .body("items[2].downloadPath", nullValue());
        given().get(papers + ".csv").then().statusCode(200)
                .body(containsString("Vendor roadmap,false,COMMERCIALLY_CONFIDENTIAL"));
        given().get("/api/v1/public/meetings/" + UUID.randomUUID() + "/papers").then().statusCode(404);
    }
}
