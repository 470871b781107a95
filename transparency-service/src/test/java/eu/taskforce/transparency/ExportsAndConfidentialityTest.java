package eu.taskforce.transparency;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.MeetingRequestDeclined;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.meetings.SummaryPublished;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.kafka.TopicNames;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exports and feeds parse with parsers other than the ones that wrote them, search finds what the summaries say,
 * the lag is told, and nothing that the contracts keep private (or that a producer added by mistake) reaches any of
 * the public answers.
 */
@QuarkusTest
class ExportsAndConfidentialityTest {

    static final String MARKER = "CONFIDENTIAL-MARKER-" + UUID.randomUUID();
    static final List<String> CSV_EXPORTS = List.of("/api/v1/public/participants.csv",
            "/api/v1/public/membership-periods.csv", "/api/v1/public/signatories.csv", "/api/v1/public/stakeholders.csv",
            "/api/v1/public/ad-hoc-groups.csv", "/api/v1/public/meetings.csv", "/api/v1/public/meetings/upcoming.csv",
            "/api/v1/public/meetings/requests/declined.csv", "/api/v1/public/meetings/decisions.csv");

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

    /** The payload as JSON with fields the contract does not have (what a careless producer might add). */
    static String withExtras(Object payload, String... fields) {
        ObjectNode json = (ObjectNode) read(EventJson.write(payload));
        for (String field : fields) {
            json.put(field, MARKER);
        }
        return json.toString();
    }

    static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noConfidentialMarkerReachesAnyPublicAnswerFeedOrExport() {
        long headBefore = given().get("/api/v1/public/register/log/entries?from=1&limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("headSequence");
        UUID organisation = UUID.randomUUID();
        String name = "Marker AI " + organisation;
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                withExtras(new SignatoryRegistered(organisation, name, "FR", null, Set.of(Chapter.TRANSPARENCY),
                        LocalDate.of(2025, 8, 1)), "contactEmail", "internalNote"), RegisterEvents.at(9));
        events.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), name, LocalDate.of(2026, 1, 30)), RegisterEvents.at(8));
        // a representative without consent (no public name) whose record carries their name and e-mail anyway
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                withExtras(new RepresentativeProfile(organisation, UUID.randomUUID(), RepresentativeRole.PRINCIPAL, null),
                        "name", "email", "phone"), RegisterEvents.at(7));
        // a stakeholder who did not consent to be listed, sent with name and expertise anyway
        UUID stakeholder = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REGISTERED, stakeholder,
                new StakeholderProfile(stakeholder, StakeholderProfile.Kind.PERSON, false, MARKER, MARKER, null, null),
                RegisterEvents.at(7));
        // a listed person whose record carries the name in clear anyway (only commitments may travel for a person)
        UUID person = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REGISTERED, person,
                withExtras(new StakeholderProfile(person, StakeholderProfile.Kind.PERSON, true, MARKER, MARKER,
                        eu.taskforce.contracts.membership.Opening.of("publicName", person, "Unresolved").personalField(),
                        null), "email", "value", "salt"), RegisterEvents.at(7));
        UUID listed = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REGISTERED, listed,
                withExtras(new StakeholderProfile(listed, StakeholderProfile.Kind.ORGANISATION, true,
                        "Listed Lab " + listed, "Evaluations", null, null), "email"), RegisterEvents.at(7));
        UUID meeting = UUID.randomUUID();
        OffsetDateTime start = RegisterEvents.at(600);
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, meeting,
                withExtras(new MeetingConvened(meeting, "Marker plenary " + meeting, MeetingKind.PLENARY,
                        MeetingFormat.ONLINE, start, start.plusHours(2), "Europe/Brussels", null, null),
                        "joiningLink", "minutes"), RegisterEvents.at(6));
        events.send(UUID.randomUUID().toString(), EventTypes.AGENDA_PUBLISHED, meeting,
                new AgendaPublished(meeting, 1, List.of(new AgendaPublished.Item(1, "Watermarking of outputs", null,
                        List.of("COPYRIGHT-1.4"), List.of(), "2025-07-10"))), RegisterEvents.at(5));
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, meeting,
                new MeetingHeld(meeting, "Marker plenary " + meeting, MeetingKind.PLENARY, start, start.plusHours(2),
                        List.of(new MeetingHeld.Attendee(organisation, name)), 1), RegisterEvents.at(4));
        String word = "zq" + Long.toString(Math.abs(meeting.getMostSignificantBits()), 36).replaceAll("[0-9]", "");
        events.send(UUID.randomUUID().toString(), EventTypes.SUMMARY_PUBLISHED, meeting,
                withExtras(new SummaryPublished(meeting, "Members compared watermarking practices; " + word + " noted.",
                        List.of(new SummaryPublished.WithheldPart("Benchmark figures", WithholdingReason.COMMERCIALLY_CONFIDENTIAL)),
                        RegisterEvents.at(3)), "annex", "confidentialAnnex"), RegisterEvents.at(3));
        UUID request = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_REQUEST_FILED, request,
                withExtras(new MeetingRequestFiled(request, organisation, name, "Marker topic " + request, List.of("One"),
                        RegisterEvents.at(2)), "rationale"), RegisterEvents.at(2));
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_REQUEST_DECLINED, request,
                new MeetingRequestDeclined(request, "Not now"), RegisterEvents.at(1));

        // everything applied: the things that are public are there
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(body("/api/v1/public/meetings/" + meeting)).contains("Benchmark figures");
            assertThat(body("/api/v1/public/meetings/requests/declined.csv")).contains("Marker topic " + request);
            assertThat(body("/api/v1/public/stakeholders.csv")).contains("Listed Lab " + listed);
            assertThat(body("/api/v1/public/stakeholders?limit=500")).contains(person.toString());
            assertThat(body("/api/v1/public/participants.csv")).contains(name);
        });

        // and every event that carries a marker applied too (each is in the log once applied): absence is checked
        // only after what would break it
        List<String> sent = events.sentIds();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().queryParam("from", headBefore + 1)
                .queryParam("limit", 1000).get("/api/v1/public/register/log/entries").then().statusCode(200).extract()
                .jsonPath().<String>getList("entries.entry.eventId")).containsAll(sent));

        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/v1/public/participants?limit=500", "/api/v1/public/signatories?limit=500",
                "/api/v1/public/stakeholders?limit=500", "/api/v1/public/membership-periods?limit=500",
                "/api/v1/public/ad-hoc-groups?limit=500", "/api/v1/public/meetings?limit=500",
                "/api/v1/public/meetings/" + meeting, "/api/v1/public/meetings/upcoming?limit=500",
                "/api/v1/public/meetings/requests/declined?limit=500", "/api/v1/public/meetings/decisions?limit=500",
                "/api/v1/public/meetings/cadence", "/api/v1/public/meetings/upcoming.ics",
                "/api/v1/public/register/feed.atom", "/api/v1/public/search?q=" + MARKER,
                "/api/v1/public/search?q=watermarking&limit=500")) {
            answers.add(body(path));
        }
        CSV_EXPORTS.forEach(path -> answers.add(body(path)));
        // the whole log, page by page
        Long from = 1L;
        while (from != null) {
            var page = given().queryParam("from", from).queryParam("limit", 1000).get("/api/v1/public/register/log/entries")
                    .then().statusCode(200).extract();
            answers.add(page.asString());
            from = page.jsonPath().get("next") == null ? null : page.jsonPath().getLong("next");
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(MARKER));
        assertThat(String.join("\n", answers)).contains(name).contains("Listed Lab " + listed);

        // full-text search: English stemming finds "watermarking" for "watermark", and the made-up word of this test
        var hits = given().queryParam("q", word).get("/api/v1/public/search").then().statusCode(200).extract().jsonPath();
        assertThat(hits.getList("items.meetingId")).containsExactly(meeting.toString());
        assertThat(hits.getString("items[0].snippet")).contains("«" + word + "»");
        assertThat(given().queryParam("q", "watermark").queryParam("limit", 500).get("/api/v1/public/search")
                .then().statusCode(200).extract().jsonPath().getList("items.meetingId")).contains(meeting.toString());
    }

    @Test
    void csvExportsParseWithAnotherParserAndMatchTheJsonLists() throws Exception {
        UUID organisation = UUID.randomUUID();
        String name = "Csv \"quoted\", AI; " + organisation;
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                new SignatoryRegistered(organisation, name, "IT", null, Set.of(Chapter.TRANSPARENCY, Chapter.COPYRIGHT),
                        LocalDate.of(2025, 8, 1)), RegisterEvents.at(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> body("/api/v1/public/signatories.csv").contains(organisation.toString()));

        CsvMapper mapper = new CsvMapper();
        for (String path : CSV_EXPORTS) {
            var response = given().get(path).then().statusCode(200).extract();
            assertThat(response.contentType()).startsWith("text/csv");
            assertThat(response.header("ETag")).isNotBlank();
            try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(response.asString())) {
                List<Map<String, String>> all = rows.readAll();
                String json = path.replace(".csv", "");
                int listed = MeetingRegisterTest.all(json, m -> m).size();
                assertThat(all).as(path).hasSize(listed);
                if (path.endsWith("/signatories.csv")) {
                    assertThat(all).anySatisfy(row -> {
                        assertThat(row.get("id")).isEqualTo(organisation.toString());
                        assertThat(row.get("name")).isEqualTo(name);
                        assertThat(row.get("chapters")).isEqualTo("TRANSPARENCY;COPYRIGHT");
                    });
                }
            }
            String etag = response.header("ETag");
            ConditionalGet.assertNotModified(path, etag);
        }
    }

    @Test
    void atomAndICalendarFeedsParseWithIndependentParsers() throws Exception {
        UUID meeting = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now().plusDays(10).withNano(0);
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, meeting,
                new MeetingConvened(meeting, "Feed plenary " + meeting, MeetingKind.PLENARY, MeetingFormat.IN_PERSON,
                        start, start.plusHours(2), "Europe/Brussels", "Brussels", null), RegisterEvents.at(0));
        await().atMost(Duration.ofSeconds(60)).until(() -> body("/api/v1/public/meetings/upcoming.ics").contains(meeting.toString()));

        String ics = body("/api/v1/public/meetings/upcoming.ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(vevents).anySatisfy(e -> {
            assertThat(e.getUid().orElseThrow().getValue()).isEqualTo(meeting + "@meetings.signatory-taskforce.eu");
            assertThat(e.getSummary().getValue()).isEqualTo("Feed plenary " + meeting);
        });

        var atom = given().get("/api/v1/public/register/feed.atom").then().statusCode(200).extract();
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom.asByteArray()));
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isBetween(1, 100);
        Element first = (Element) entries.item(0);
        assertThat(first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent())
                .startsWith("urn:taskforce:register:entry:");
        assertThat(atom.asString()).contains(meeting.toString());
        ConditionalGet.assertNotModified("/api/v1/public/register/feed.atom", atom.header("ETag"));
    }

    @Test
    void theLagIsToldPerTopicAndAsAMetric() {
        var lag = given().get("/api/v1/public/register/lag").then().statusCode(200).extract().jsonPath();
        assertThat(lag.getList("topics.topic")).containsExactly(Topics.MEMBERSHIP, Topics.MEETINGS, Topics.GUIDANCE);
        assertThat(lag.getList("topics[0].partitions")).isNotEmpty();
        assertThat(lag.getLong("totalLag")).isGreaterThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(body("/q/metrics"))
                .containsPattern("taskforce_register_lag\\{.*topic=\"taskforce.meetings.v1\".*} [0-9]"));
    }

    static String body(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }
}
