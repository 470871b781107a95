package eu.taskforce.transparency;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.DispositionsPublished.DispositionCount;
import eu.taskforce.contracts.guidance.DispositionsPublished.PublicItem;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.contracts.guidance.FeedbackNotice;
import eu.taskforce.contracts.guidance.GuidanceKind;
import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.contracts.guidance.WindowClosed;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.platform.api.Cursor;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.testing.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static eu.taskforce.transparency.ExportsAndConfidentialityTest.MARKER;
import static eu.taskforce.transparency.ExportsAndConfidentialityTest.body;
import static eu.taskforce.transparency.ExportsAndConfidentialityTest.read;
import static eu.taskforce.transparency.MeetingRegisterTest.APPLIED_WITHIN;
import static eu.taskforce.transparency.MeetingRegisterTest.ORG_A;
import static eu.taskforce.transparency.MeetingRegisterTest.all;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The guidance input register, fed real CloudEvents through the shared broker ({@code test.} topics) as guidance-service
 * writes them: it says what the events say whatever their order, counts per section and per disposition, shows public
 * feedback only once its disposition is published, and nothing confidential (the marker is put in every field an
 * event might wrongly carry) reaches a public answer, export, feed or search.
 */
@QuarkusTest
class GuidanceRegisterTest {

    static final String GUIDANCE = "/api/v1/public/guidance";
    static final UUID ORG_B = UUID.fromString("43c8900d-3960-444a-bbeb-1ec88cc837b4");
    static final List<String> CSV_EXPORTS = List.of(GUIDANCE + "/documents.csv", GUIDANCE + "/windows.csv",
            GUIDANCE + "/feedback.csv", GUIDANCE + "/evidence.csv");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.MEMBERSHIP),
                topicNames.of(Topics.MEETINGS), topicNames.of(Topics.GUIDANCE)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    @AfterEach
    void close() {
        events.close();
    }

    /**
     * One round of input on a document: its events in the order they happened (the last one publishes the
     * dispositions), and two evidence submissions. A public item C is withdrawn and a public item D becomes
     * confidential, so that two public items remain: A (ATTRIBUTED, on "scope") and B (ANONYMOUS, on "evaluations").
     */
    record Round(UUID document, UUID version, UUID window, UUID publicA, UUID publicB, UUID evidence,
                 UUID anonymousEvidence, String textA, String textB, String word,
                 List<ProducerRecord<String, String>> records) {
    }

    Round round(String tag, OffsetDateTime base) {
        UUID document = UUID.randomUUID(), version = UUID.randomUUID(), window = UUID.randomUUID();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        UUID evidence = UUID.randomUUID(), anonymousEvidence = UUID.randomUUID();
        String title = "Guidelines on evaluations " + tag;
        String word = "zq" + Long.toString(Math.abs(window.getMostSignificantBits()), 36).replaceAll("[0-9]", "");
        String textA = "Evaluations of open-weight models need their own scope; " + word + " matters.";
        String textB = "Red-teaming should precede every release.";
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(event(EventTypes.DOCUMENT_PUBLISHED, document, withExtras(new DocumentProfile(document, title,
                GuidanceKind.GUIDELINES, List.of("55"), List.of("SAFETY_AND_SECURITY-3.2"), null, base.minusMinutes(100),
                "2027-03-01"),
                "description", "draftText"), base.minusMinutes(100)));
        records.add(event(EventTypes.VERSION_PUBLISHED, document, withNested(new VersionPublished(document, title,
                version, 1, "Draft for the Taskforce", List.of(new VersionPublished.Section("scope", 1, "Scope"),
                new VersionPublished.Section("evaluations", 2, "Model evaluations")), base.minusMinutes(95)),
                "sections", "draftText"), base.minusMinutes(95)));
        records.add(event(EventTypes.WINDOW_OPENED, window, withExtras(new WindowOpened(window, document, title, version,
                1, base.minusMinutes(90), base.plusHours(1)), "internalNote"), base.minusMinutes(90)));
        records.add(notice(EventTypes.FEEDBACK_SUBMITTED, window, document, title, a, Visibility.PUBLIC, "scope", "Scope",
                Attribution.ATTRIBUTED, 1, 0, base.minusMinutes(80)));
        // a confidential item: the producer wrongly sends its section, an organisation and text
        records.add(notice(EventTypes.FEEDBACK_SUBMITTED, window, document, title, null, Visibility.CONFIDENTIAL,
                MARKER, MARKER, Attribution.ATTRIBUTED, 1, 1, base.minusMinutes(75)));
        // an anonymous item sent with an organisation
        records.add(notice(EventTypes.FEEDBACK_SUBMITTED, window, document, title, b, Visibility.PUBLIC, "evaluations",
                "Model evaluations", Attribution.ANONYMOUS, 2, 1, base.minusMinutes(70)));
        records.add(notice(EventTypes.FEEDBACK_SUBMITTED, window, document, title, c, Visibility.PUBLIC, null, null,
                Attribution.ATTRIBUTED, 3, 1, base.minusMinutes(65)));
        records.add(notice(EventTypes.FEEDBACK_WITHDRAWN, window, document, title, c, Visibility.PUBLIC, null, null,
                Attribution.ATTRIBUTED, 2, 1, base.minusMinutes(60)));
        records.add(notice(EventTypes.FEEDBACK_SUBMITTED, window, document, title, d, Visibility.PUBLIC, "evaluations",
                "Model evaluations", Attribution.ATTRIBUTED, 3, 1, base.minusMinutes(55)));
        // D becomes confidential: its id comes (so that the register drops it), and wrongly its section and an organisation
        records.add(notice(EventTypes.FEEDBACK_UPDATED, window, document, title, d, Visibility.CONFIDENTIAL, MARKER,
                MARKER, Attribution.ATTRIBUTED, 2, 2, base.minusMinutes(50)));
        records.add(event(EventTypes.WINDOW_CLOSED, window, new WindowClosed(window, document, title, 1,
                base.minusMinutes(90), base.plusHours(1), base.minusMinutes(40), true, 2, 2), base.minusMinutes(40)));
        ObjectNode published = (ObjectNode) read(EventJson.write(new DispositionsPublished(window, document, title,
                version, 1, base.minusMinutes(90), base.plusHours(1), List.of(
                new PublicItem(a, "scope", "Scope", Attribution.ATTRIBUTED, ORG_A, "Mistral AI", textA,
                        Disposition.ACCEPTED, "Reflected in section 2"),
                new PublicItem(b, "evaluations", "Model evaluations", Attribution.ANONYMOUS, ORG_B, MARKER, textB,
                        Disposition.PARTIALLY_ACCEPTED, "Partly reflected")),
                List.of(new DispositionCount(Disposition.ACCEPTED, 0), new DispositionCount(Disposition.PARTIALLY_ACCEPTED, 1),
                        new DispositionCount(Disposition.NOT_TAKEN_UP, 1), new DispositionCount(Disposition.OUT_OF_SCOPE, 0)),
                base.minusMinutes(30))));
        published.put("confidentialItems", MARKER);
        ((ObjectNode) published.get("items").get(0)).put("internalNote", MARKER);
        ((ObjectNode) published.get("confidential").get(1)).put("text", MARKER);
        records.add(event(EventTypes.DISPOSITIONS_PUBLISHED, window, published.toString(), base.minusMinutes(30)));
        records.add(event(EventTypes.EVIDENCE_SUBMITTED, evidence, withExtras(new EvidenceSubmitted(evidence,
                "Evaluation study " + tag, "A study of evaluation practices " + word, EvidenceType.RESEARCH,
                "https://example.org/study", List.of("SAFETY_AND_SECURITY-3"), SubmitterRole.MEMBER, Attribution.ATTRIBUTED,
                ORG_A, "Mistral AI", base.minusMinutes(20), "2027-03-01", null), "attachment"), base.minusMinutes(20)));
        // an event written before references named their edition: they name the first one
        records.add(event(EventTypes.EVIDENCE_SUBMITTED, anonymousEvidence, withExtras(new EvidenceSubmitted(
                anonymousEvidence, "Anonymous experience " + tag, "Implementation notes", EvidenceType.IMPLEMENTATION_EXPERIENCE,
                "https://example.org/notes", List.of("SAFETY_AND_SECURITY-3.2"), SubmitterRole.MEMBER, Attribution.ANONYMOUS,
                ORG_B, MARKER, base.minusMinutes(15), null, null), "confidentialNote"), base.minusMinutes(15)));
        return new Round(document, version, window, a, b, evidence, anonymousEvidence, textA, textB, word, records);
    }

    ProducerRecord<String, String> notice(eu.taskforce.contracts.EventType<FeedbackNotice> type, UUID window,
                                          UUID document, String title, UUID feedback, Visibility visibility,
                                          String sectionKey, String sectionTitle, Attribution attribution,
                                          int publicItems, int confidentialItems, OffsetDateTime at) {
        return event(type, window, withExtras(new FeedbackNotice(window, document, title, 1, feedback, visibility,
                sectionKey, sectionTitle, attribution, publicItems, confidentialItems, at),
                "text", "confidentialText", "organisationName"), at);
    }

    ProducerRecord<String, String> event(eu.taskforce.contracts.EventType<?> type, UUID subject, Object data,
                                         OffsetDateTime at) {
        return events.event(UUID.randomUUID().toString(), type, subject, data, at);
    }

    static String withExtras(Object payload, String... fields) {
        return ExportsAndConfidentialityTest.withExtras(payload, fields);
    }

    /** The payload with a field of the marker in every element of one of its lists. */
    static String withNested(Object payload, String list, String field) {
        ObjectNode json = (ObjectNode) read(EventJson.write(payload));
        ((ArrayNode) json.get(list)).forEach(element -> ((ObjectNode) element).put(field, MARKER));
        return json.toString();
    }

    @Test
    void duplicatesAndEventsOutOfOrderGiveWhatTheEventsSayInOrder() {
        OffsetDateTime base = RegisterEvents.at(0);
        Round inOrder = round("in order " + UUID.randomUUID(), base);
        inOrder.records().forEach(events::send);
        Round shuffled = round("shuffled " + UUID.randomUUID(), base);
        List<ProducerRecord<String, String>> r = shuffled.records();
        // the dispositions first, feedback before its window opens, the withdrawal before the item, and duplicates
        for (int i : new int[]{11, 4, 7, 6, 13, 9, 8, 3, 1, 2, 11, 0, 5, 10, 12, 7, 0}) {
            events.send(r.get(i));
        }

        Map<String, Object> expected = awaitOverview(inOrder, true);
        Map<String, Object> actual = awaitOverview(shuffled, true);
        assertThat(without(actual, "documentId", "documentTitle", "versionId", "windowIds"))
                .isEqualTo(without(expected, "documentId", "documentTitle", "versionId", "windowIds"));
        // what the events say: two public items and two confidential ones, per section and per disposition
        assertThat(actual.get("items")).isEqualTo(4);
        assertThat(actual.get("publicItems")).isEqualTo(2);
        assertThat(actual.get("confidentialItems")).isEqualTo(2);
        assertThat(actual.get("publicItemsOnWholeVersion")).isEqualTo(0);
        assertThat(actual.get("dispositionsPublished")).isEqualTo(true);
        assertThat(actual.get("byDisposition")).isEqualTo(Map.of("ACCEPTED", 1, "PARTIALLY_ACCEPTED", 2,
                "NOT_TAKEN_UP", 1, "OUT_OF_SCOPE", 0));
        assertThat(actual.get("confidentialByDisposition")).isEqualTo(Map.of("ACCEPTED", 0, "PARTIALLY_ACCEPTED", 1,
                "NOT_TAKEN_UP", 1, "OUT_OF_SCOPE", 0));
        assertThat(actual.get("sections")).isEqualTo(List.of(
                Map.of("key", "scope", "position", 1, "title", "Scope", "publicItems", 1, "byDisposition",
                        Map.of("ACCEPTED", 1, "PARTIALLY_ACCEPTED", 0, "NOT_TAKEN_UP", 0, "OUT_OF_SCOPE", 0)),
                Map.of("key", "evaluations", "position", 2, "title", "Model evaluations", "publicItems", 1,
                        "byDisposition", Map.of("ACCEPTED", 0, "PARTIALLY_ACCEPTED", 1, "NOT_TAKEN_UP", 0,
                                "OUT_OF_SCOPE", 0))));

        List<Map<String, Object>> feedbackInOrder = feedbackOf(inOrder.document());
        List<Map<String, Object>> feedbackShuffled = feedbackOf(shuffled.document());
        assertThat(feedbackShuffled.stream().map(f -> f.get("id")))
                .containsExactly(shuffled.publicA().toString(), shuffled.publicB().toString());
        // the same but for ids, titles and the word of each round (its text is checked below)
        assertThat(feedbackShuffled.stream().map(f -> without(f, "id", "windowId", "documentId", "documentTitle",
                "versionId", "text")).toList()).isEqualTo(feedbackInOrder.stream().map(f -> without(f, "id", "windowId",
                "documentId", "documentTitle", "versionId", "text")).toList());
        Map<String, Object> a = feedbackShuffled.get(0), b = feedbackShuffled.get(1);
        assertThat(a.get("text")).isEqualTo(shuffled.textA());
        assertThat(b.get("text")).isEqualTo(shuffled.textB());
        assertThat(a.get("disposition")).isEqualTo("ACCEPTED");
        assertThat(a.get("response")).isEqualTo("Reflected in section 2");
        assertThat(a.get("organisationName")).isEqualTo("Mistral AI");
        assertThat(a.get("sectionKey")).isEqualTo("scope");
        // anonymous: no organisation, though the event carried one
        assertThat(b.get("attribution")).isEqualTo("ANONYMOUS");
        assertThat(b.get("organisationId")).isNull();
        assertThat(b.get("organisationName")).isNull();
        assertThat(b.get("disposition")).isEqualTo("PARTIALLY_ACCEPTED");

        // the document with its version and window; the window's counts
        JsonPath document = given().get(GUIDANCE + "/documents/" + shuffled.document()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(document.getString("kind")).isEqualTo("GUIDELINES");
        assertThat(document.getList("codeReferences")).containsExactly("SAFETY_AND_SECURITY-3.2");
        assertThat(document.getList("versions.id")).containsExactly(shuffled.version().toString());
        assertThat(document.getList("versions[0].sections.key")).containsExactly("scope", "evaluations");
        assertThat(document.getList("windows.id")).containsExactly(shuffled.window().toString());
        assertThat(document.getString("windows[0].status")).isEqualTo("DISPOSITIONS_PUBLISHED");
        assertThat(document.getBoolean("windows[0].closedEarly")).isTrue();
        assertThat(document.getInt("windows[0].publicItems")).isEqualTo(2);
        assertThat(document.getInt("windows[0].confidentialItems")).isEqualTo(2);
        Map<String, Object> windowInOrder = all(GUIDANCE + "/windows?documentId=" + inOrder.document(), m -> m).get(0);
        Map<String, Object> windowShuffled = all(GUIDANCE + "/windows?documentId=" + shuffled.document(), m -> m).get(0);
        assertThat(without(windowShuffled, "id", "documentId", "documentTitle", "versionId"))
                .isEqualTo(without(windowInOrder, "id", "documentId", "documentTitle", "versionId"));

        // every event is one entry of the log, duplicates included only once
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertThat(logEntriesAbout(shuffled.window())).hasSize(10));
    }

    @Test
    void publicFeedbackAppearsOnlyOnceItsDispositionIsPublished() {
        Round round = round("before and after " + UUID.randomUUID(), RegisterEvents.at(0));
        List<ProducerRecord<String, String>> r = round.records();
        r.subList(0, 11).forEach(events::send); // up to the window's closing

        Map<String, Object> before = await().atMost(APPLIED_WITHIN).until(() -> overview(round.version()),
                o -> o != null && Integer.valueOf(2).equals(o.get("confidentialItems"))
                        && "CLOSED".equals(windowStatus(round)));
        assertThat(before.get("dispositionsPublished")).isEqualTo(false);
        assertThat(before.get("byDisposition")).isNull();
        assertThat(before.get("confidentialByDisposition")).isNull();
        assertThat(before.get("publicItems")).isEqualTo(2);
        // counted per section from the notices, without text
        assertThat(((List<?>) before.get("sections")).stream().map(s -> ((Map<?, ?>) s).get("publicItems")).toList())
                .isEqualTo(List.of(1, 1));
        assertThat(feedbackOf(round.document())).isEmpty();
        assertThat(body("/api/v1/public/search?q=" + round.word())).doesNotContain(round.window().toString())
                .doesNotContain(round.publicA().toString());

        events.send(r.get(11));
        List<Map<String, Object>> published = await().atMost(APPLIED_WITHIN).until(() -> feedbackOf(round.document()),
                l -> l.size() == 2);
        assertThat(published).extracting(f -> f.get("text")).containsExactly(round.textA(), round.textB());
        assertThat(published).extracting(f -> f.get("disposition")).containsExactly("ACCEPTED", "PARTIALLY_ACCEPTED");
        assertThat(published).allSatisfy(f -> assertThat(f.get("publishedAt")).isNotNull());
        // full-text search finds public feedback, with English stemming
        JsonPath hits = given().queryParam("q", round.word()).queryParam("limit", 500).get("/api/v1/public/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(hits.getList("items.documentId")).contains(round.publicA().toString());
        assertThat(hits.getList("items.documentType")).contains("FEEDBACK");
    }

    /**
     * The feedback list is sorted by its window's publication, the window and the position in it: since V15 through a
     * key that each item holds, whose text is the one the list sorted by before, so that a cursor issued then (made
     * here as the register made it) continues the list where it did.
     */
    @Test
    void aCursorIssuedBeforeTheIndexedSortKeyStillContinuesTheFeedbackList() {
        OffsetDateTime base = RegisterEvents.at(0);
        Round round = round("cursor " + UUID.randomUUID(), base);
        round.records().forEach(events::send);
        await().atMost(APPLIED_WITHIN).until(() -> feedbackOf(round.document()), l -> l.size() == 2);

        String publishedKey = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSSSSS")
                .format(base.minusMinutes(30).withOffsetSameInstant(ZoneOffset.UTC));
        String afterA = Cursor.encode(publishedKey + round.window() + "000001", round.publicA().toString());
        JsonPath page = given().queryParam("documentId", round.document()).queryParam("cursor", afterA)
                .get(GUIDANCE + "/feedback").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(round.publicB().toString());
    }

    @Test
    void noConfidentialMarkerReachesAnyPublicGuidanceAnswerExportFeedOrSearch() {
        Round round = round("marker " + UUID.randomUUID(), RegisterEvents.at(0));
        round.records().forEach(events::send);
        awaitOverview(round, true);
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertThat(body(GUIDANCE + "/evidence.csv"))
                .contains(round.anonymousEvidence().toString()));

        List<String> answers = new ArrayList<>();
        for (String path : List.of(GUIDANCE + "/documents?limit=500", GUIDANCE + "/documents/" + round.document(),
                GUIDANCE + "/windows?limit=500", GUIDANCE + "/versions/" + round.version() + "/overview",
                GUIDANCE + "/feedback?limit=500", GUIDANCE + "/evidence?limit=500",
                GUIDANCE + "/references/SAFETY_AND_SECURITY-3", GUIDANCE + "/references/SAFETY_AND_SECURITY-3.2",
                "/api/v1/public/register/feed.atom", "/api/v1/public/search?q=" + MARKER,
                "/api/v1/public/search?limit=500&q=" + round.word(), "/api/v1/public/search?limit=500&q=evaluations")) {
            answers.add(body(path));
        }
        CSV_EXPORTS.forEach(path -> answers.add(body(path)));
        answers.add(logEntriesAbout(round.window()).toString());
        answers.add(logEntriesAbout(round.document()).toString());
        answers.add(logEntriesAbout(round.anonymousEvidence()).toString());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(MARKER));
        assertThat(String.join("\n", answers)).contains(round.textA()).contains(round.textB())
                .contains("Anonymous experience").contains("Model evaluations");
        Map<String, Object> anonymous = all(GUIDANCE + "/evidence", m -> m).stream()
                .filter(e -> e.get("id").equals(round.anonymousEvidence().toString())).findFirst().orElseThrow();
        assertThat(anonymous.get("organisationId")).isNull();
        assertThat(anonymous.get("organisationName")).isNull();
    }

    @Test
    void everythingLinksToTheCodesCommitmentsAndMeasures() {
        Round round = round("links " + UUID.randomUUID(), RegisterEvents.at(0));
        round.records().forEach(events::send);
        awaitOverview(round, true);
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertThat(body(GUIDANCE + "/evidence.csv"))
                .contains(round.anonymousEvidence().toString()));

        // a commitment includes its measures, of one edition of the Code: of the current one (the module tests' later
        // edition, 2027-03-01) the document (on 3.2) and the submission on 3; not the older submission on 3.2, whose
        // event named no edition and so the first one
        JsonPath commitment = given().get(GUIDANCE + "/references/SAFETY_AND_SECURITY-3").then().statusCode(200)
                .extract().jsonPath();
        assertThat(commitment.getString("title")).isNotBlank();
        assertThat(commitment.getString("edition")).isEqualTo("2027-03-01");
        assertThat(commitment.getList("documents.id")).contains(round.document().toString());
        assertThat(commitment.getList("evidence.id")).contains(round.evidence().toString())
                .doesNotContain(round.anonymousEvidence().toString());
        // a measure: what names it, not what names only its commitment
        JsonPath measure = given().get(GUIDANCE + "/references/SAFETY_AND_SECURITY-3.2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(measure.getString("title")).isEqualTo("Model evaluations, including post-market evaluations");
        assertThat(measure.getList("documents.id")).contains(round.document().toString());
        assertThat(measure.getList("evidence.id")).doesNotContain(round.evidence().toString(),
                round.anonymousEvidence().toString());
        // every public guidance resource says that the Taskforce's input is without prejudice to public consultations
        for (String path : List.of(GUIDANCE + "/documents/" + round.document(),
                GUIDANCE + "/versions/" + round.version() + "/overview")) {
            assertThat(given().get(path).then().statusCode(200).extract().jsonPath().getString("notice"))
                    .contains("without prejudice to the AI Office's public consultations");
        }
        JsonPath firstEdition = given().queryParam("edition", "2025-07-10")
                .get(GUIDANCE + "/references/SAFETY_AND_SECURITY-3.2").then().statusCode(200).extract().jsonPath();
        assertThat(firstEdition.getString("edition")).isEqualTo("2025-07-10");
        assertThat(firstEdition.getString("title")).isEqualTo("Model evaluations");
        assertThat(firstEdition.getList("evidence.id")).contains(round.anonymousEvidence().toString());
        assertThat(firstEdition.getList("documents.id")).doesNotContain(round.document().toString());
        given().queryParam("edition", "2025-07-10").get(GUIDANCE + "/references/SAFETY_AND_SECURITY-3.6").then()
                .statusCode(404).contentType("application/problem+json");
        given().queryParam("edition", "2020-01-01").get(GUIDANCE + "/references/SAFETY_AND_SECURITY-3").then()
                .statusCode(404).contentType("application/problem+json");
        given().queryParam("edition", "first").get(GUIDANCE + "/references/SAFETY_AND_SECURITY-3").then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(all(GUIDANCE + "/evidence?limit=500", e -> e)).anySatisfy(e -> {
            assertThat(e.get("id")).isEqualTo(round.evidence().toString());
            assertThat(e.get("codeEdition")).isEqualTo("2027-03-01");
        }).anySatisfy(e -> {
            assertThat(e.get("id")).isEqualTo(round.anonymousEvidence().toString());
            assertThat(e.get("codeEdition")).isEqualTo("2025-07-10");
        });
        assertThat(all(GUIDANCE + "/feedback?codeReference=SAFETY_AND_SECURITY-3", m -> m.get("id")))
                .contains(round.publicA().toString(), round.publicB().toString());
        assertThat(all(GUIDANCE + "/feedback?codeReference=COPYRIGHT-1", m -> m.get("id")))
                .doesNotContain(round.publicA().toString());
        assertThat(all(GUIDANCE + "/feedback?versionId=" + round.version() + "&sectionKey=evaluations", m -> m.get("id")))
                .containsExactly(round.publicB().toString());
        assertThat(all(GUIDANCE + "/documents?codeReference=SAFETY_AND_SECURITY-3.2", m -> m.get("id")))
                .contains(round.document().toString());
        assertThat(all(GUIDANCE + "/evidence?codeReference=SAFETY_AND_SECURITY-3.2", m -> m.get("id")))
                .contains(round.anonymousEvidence().toString()).doesNotContain(round.evidence().toString());
    }

    @Test
    void csvExportsParseMatchTheJsonListsAndEveryAnswerIsConditional() throws Exception {
        Round round = round("csv, \"quoted\"; " + UUID.randomUUID(), RegisterEvents.at(0));
        round.records().forEach(events::send);
        awaitOverview(round, true);
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertThat(body(GUIDANCE + "/evidence.csv"))
                .contains(round.anonymousEvidence().toString()));

        CsvMapper mapper = new CsvMapper();
        for (String path : CSV_EXPORTS) {
            var response = given().get(path).then().statusCode(200).extract();
            assertThat(response.contentType()).startsWith("text/csv");
            try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(response.asString())) {
                List<Map<String, String>> parsed = rows.readAll();
                assertThat(parsed).as(path).hasSize(all(path.replace(".csv", ""), m -> m).size());
                if (path.endsWith("/feedback.csv")) {
                    assertThat(parsed).anySatisfy(row -> {
                        assertThat(row.get("id")).isEqualTo(round.publicA().toString());
                        assertThat(row.get("text")).isEqualTo(round.textA());
                        assertThat(row.get("disposition")).isEqualTo("ACCEPTED");
                        assertThat(row.get("organisationName")).isEqualTo("Mistral AI");
                    });
                }
                if (path.endsWith("/documents.csv")) {
                    assertThat(parsed).anySatisfy(row -> {
                        assertThat(row.get("id")).isEqualTo(round.document().toString());
                        assertThat(row.get("title")).contains("csv, \"quoted\"; ");
                    });
                }
            }
            ConditionalGet.assertNotModified(path, response.header("ETag"));
        }
        for (String path : List.of(GUIDANCE + "/documents/" + round.document(), GUIDANCE + "/feedback",
                GUIDANCE + "/versions/" + round.version() + "/overview", GUIDANCE + "/references/SAFETY_AND_SECURITY-3")) {
            String etag = given().get(path).then().statusCode(200)
                    .header("Cache-Control", org.hamcrest.Matchers.containsString("public")).extract().header("ETag");
            ConditionalGet.assertNotModified(path, etag);
        }
    }

    @Test
    void badInputIsAProblem() {
        for (String path : List.of(GUIDANCE + "/documents/" + UUID.randomUUID(),
                GUIDANCE + "/versions/" + UUID.randomUUID() + "/overview", GUIDANCE + "/references/ROBOTICS-1",
                GUIDANCE + "/documents/not-a-uuid")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        for (String path : List.of(GUIDANCE + "/documents?cursor=not-ours", GUIDANCE + "/feedback?cursor=not-ours",
                GUIDANCE + "/windows?limit=0", GUIDANCE + "/evidence?limit=501",
                GUIDANCE + "/feedback?documentId=not-a-uuid", GUIDANCE + "/feedback?codeReference=ROBOTICS-1",
                GUIDANCE + "/evidence.csv?codeReference=ROBOTICS-1", GUIDANCE + "/windows?updatedSince=last-week")) {
            given().get(path).then().statusCode(400).contentType("application/problem+json");
        }
        // values PostgreSQL cannot hold or compare are refused before the query, even for a streamed export
        String nulCursor = eu.taskforce.platform.api.Cursor.encode("\u0000", UUID.randomUUID().toString());
        for (String path : List.of(GUIDANCE + "/feedback?sectionKey=%00", GUIDANCE + "/feedback.csv?sectionKey=a%00b",
                GUIDANCE + "/documents/%00", GUIDANCE + "/documents?cursor=" + nulCursor,
                GUIDANCE + "/windows.csv?updatedSince=%2B999999999-01-01T00:00:00Z",
                GUIDANCE + "/evidence?updatedSince=-0001-12-31T00:00:00Z")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("status", org.hamcrest.Matchers.is(400));
        }
    }

    @Test
    void aWindowIsScheduledUntilItOpensAndClosedOnceItsClosingTimeHasPassed() {
        UUID document = UUID.randomUUID(), version = UUID.randomUUID();
        UUID scheduled = UUID.randomUUID(), open = UUID.randomUUID(), pastClosing = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(), at = RegisterEvents.at(0);
        String title = "Windows " + document;
        events.send(event(EventTypes.WINDOW_OPENED, scheduled, new WindowOpened(scheduled, document, title, version, 1,
                now.plusDays(2), now.plusDays(9)), at));
        events.send(event(EventTypes.WINDOW_OPENED, open, new WindowOpened(open, document, title, version, 1,
                now.minusDays(1), now.plusDays(6)), at));
        // the closing time has passed, the window-closed event has not come yet
        events.send(event(EventTypes.WINDOW_OPENED, pastClosing, new WindowOpened(pastClosing, document, title, version,
                1, now.minusDays(9), now.minusDays(2)), at));

        await().atMost(APPLIED_WITHIN).untilAsserted(() -> assertThat(all(GUIDANCE + "/windows?documentId=" + document,
                w -> w.get("id") + " " + w.get("status"))).containsExactly(pastClosing + " CLOSED", open + " OPEN",
                scheduled + " SCHEDULED"));
        assertThat(body(GUIDANCE + "/windows.csv?documentId=" + document)).contains(scheduled + ",").contains(",SCHEDULED,");
    }

    @Test
    void aMalformedGuidanceEventGoesToTheDeadLetterTopicWithItsReason() {
        UUID window = UUID.randomUUID();
        events.send(events.event(UUID.randomUUID().toString(), EventTypes.DISPOSITIONS_PUBLISHED, window,
                "{\"windowId\": \"" + window + "\", \"items\": ", RegisterEvents.at(1)));
        String deadLetters = topicNames.of(Topics.GUIDANCE) + ".dlq.transparency";
        List<ConsumerRecord<String, String>> found = await().atMost(APPLIED_WITHIN).until(
                () -> KafkaRecords.readAll(bootstrapServers, deadLetters).stream()
                        .filter(rec -> window.toString().equals(rec.key())).toList(), l -> !l.isEmpty());
        assertThat(KafkaRecords.header(found.get(0), "dead-letter-reason")).contains("DispositionsPublished");
    }

    /** The version's overview once every event of the round is applied (the version's own event included). */
    Map<String, Object> awaitOverview(Round round, boolean published) {
        return await().atMost(APPLIED_WITHIN).until(() -> overview(round.version()),
                o -> o != null && Boolean.valueOf(published).equals(o.get("dispositionsPublished"))
                        && Integer.valueOf(2).equals(o.get("confidentialItems"))
                        && o.get("documentTitle") != null && ((List<?>) o.get("sections")).stream()
                        .map(section -> ((Map<?, ?>) section).get("position")).toList().equals(List.of(1, 2)));
    }

    static Map<String, Object> overview(UUID version) {
        var response = given().get(GUIDANCE + "/versions/" + version + "/overview");
        return response.statusCode() == 200 ? response.jsonPath().getMap("") : null;
    }

    static String windowStatus(Round round) {
        List<Map<String, Object>> windows = all(GUIDANCE + "/windows?documentId=" + round.document(), m -> m);
        return windows.isEmpty() ? null : (String) windows.get(0).get("status");
    }

    static List<Map<String, Object>> feedbackOf(UUID document) {
        return all(GUIDANCE + "/feedback?documentId=" + document, Function.identity());
    }

    /** The log's entries about one aggregate, read page by page from the start. */
    static List<Map<String, Object>> logEntriesAbout(UUID subject) {
        List<Map<String, Object>> found = new ArrayList<>();
        Long from = 1L;
        while (from != null) {
            JsonPath page = given().queryParam("from", from).queryParam("limit", 1000)
                    .get("/api/v1/public/register/log/entries").then().statusCode(200).extract().jsonPath();
            page.<Map<String, Object>>getList("entries").stream()
                    .filter(e -> subject.toString().equals(((Map<?, ?>) e.get("entry")).get("subject")))
                    .forEach(found::add);
            from = page.get("next") == null ? null : page.getLong("next");
        }
        return found;
    }

    static Map<String, Object> without(Map<String, Object> map, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    static final String VERSIONS_OF = GUIDANCE + "/documents/";

    private void version(UUID document, int number, List<VersionPublished.Section> sections, OffsetDateTime at) {
        events.send(UUID.randomUUID().toString(), EventTypes.VERSION_PUBLISHED, document, new VersionPublished(document,
                "Guidelines compared", UUID.randomUUID(), number, "Version " + number, sections, at), at);
    }

    /**
     * Published versions compared in the register, section by section, from the texts "version published" carries: the
     * same comparison and JSON as guidance-service's; 404 problems for versions the register does not hold (drafts
     * never reach it), a 409 for a version published without its text.
     */
    @Test
    void twoPublishedVersionsAreComparedSectionBySection() {
        UUID document = UUID.randomUUID();
        OffsetDateTime base = RegisterEvents.at(30);
        events.send(UUID.randomUUID().toString(), EventTypes.DOCUMENT_PUBLISHED, document, new DocumentProfile(document,
                "Guidelines compared", GuidanceKind.GUIDELINES, List.of("55"), List.of(), null, base, "2025-07-10"), base);
        version(document, 1, List.of(new VersionPublished.Section("scope", 1, "Scope", "All providers of models."),
                new VersionPublished.Section("old", 2, "Old", "Gone soon."), new VersionPublished.Section("same", 3, "Same", "Stays.")), base.plusMinutes(1));
        version(document, 2, List.of(new VersionPublished.Section("same", 1, "Same", "Stays."),
                new VersionPublished.Section("scope", 2, "Scope", "All providers of general-purpose models."),
                new VersionPublished.Section("annex", 3, "Annex", "Fresh text.")), base.plusMinutes(2));
        version(document, 3, List.of(new VersionPublished.Section("scope", 1, "Scope")), base.plusMinutes(3)); // without its text
        String diff = VERSIONS_OF + document + "/versions/2/diff";
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> given().queryParam("from", 1).get(diff).then().statusCode(200));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> given().get(VERSIONS_OF + document).then().statusCode(200)
                .body("versions.number", org.hamcrest.Matchers.contains(1, 2, 3)));

        JsonPath json = given().queryParam("from", 1).get(diff).then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        assertThat(json.getString("documentId")).isEqualTo(document.toString());
        assertThat(json.<String>getList("sections.key")).containsExactly("same", "scope", "annex", "old");
        assertThat(json.<String>getList("sections.change")).containsExactly("UNCHANGED", "CHANGED", "ADDED", "REMOVED");
        assertThat(json.<String>getList("sections[1].segments.op")).containsExactly("EQUAL", "INSERT", "EQUAL");
        assertThat(json.<String>getList("sections[1].segments.text"))
                .containsExactly("All providers of ", "general-purpose ", "models.");
        assertThat(json.getString("sections[3].segments[0].text")).isEqualTo("Gone soon.");
        // the document's own resource still lists sections by key and title, never their text
        assertThat(given().get(VERSIONS_OF + document).then().extract().<Object>path("versions[1].sections[0].text")).isNull();

        given().queryParam("from", 1).get(VERSIONS_OF + document + "/versions/3/diff").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("without its text"));
        given().queryParam("from", 1).get(VERSIONS_OF + document + "/versions/4/diff").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("from", 1).get(VERSIONS_OF + UUID.randomUUID() + "/versions/2/diff").then().statusCode(404)
                .contentType("application/problem+json");
        given().get(diff).then().statusCode(400).contentType("application/problem+json");
    }
}
