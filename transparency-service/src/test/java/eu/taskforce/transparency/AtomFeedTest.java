package eu.taskforce.transparency;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.SummaryPublished;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.kafka.TopicNames;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register's Atom feed is RFC 4287 as two independent readers see it: ROME's Atom parser and a feed reader
 * library (rssreader), plus the RFC's rules checked on the XML (author, ids, one self link, summaries). Entries say in
 * words what happened, link to the public resource and to their log entry, keep their ids and times, and carry no
 * person's value (not even its commitment) and no JSON.
 */
@QuarkusTest
class AtomFeedTest {

    static final String FEED = "/api/v1/public/register/feed.atom";
    static final String ATOM = "http://www.w3.org/2005/Atom";

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

    @Test
    void entriesSayWhatHappenedToWhatAndLinkToTheRegister() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = UUID.randomUUID();
        String organisationName = "Feed AI " + run;
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                new SignatoryRegistered(organisation, organisationName, "BE", null,
                        Set.of(Chapter.SAFETY_AND_SECURITY, Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)),
                RegisterEvents.at(5));
        UUID representative = UUID.randomUUID();
        Opening name = Opening.of("publicName", representative, "Feed Person " + run);
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, representative, RepresentativeRole.PRINCIPAL,
                        name.personalField()), RegisterEvents.at(4));
        UUID meeting = UUID.randomUUID();
        String title = "Feed meeting " + run;
        // an ad-hoc group meeting in the past: a plenary would move the shared test register's cadence
        OffsetDateTime startsAt = OffsetDateTime.parse("2026-03-12T09:00:00Z");
        String convened = UUID.randomUUID().toString();
        events.send(convened, EventTypes.MEETING_CONVENED, meeting, new MeetingConvened(meeting, title,
                MeetingKind.AD_HOC_GROUP, MeetingFormat.IN_PERSON, startsAt, startsAt.plusHours(2), "Europe/Brussels",
                "Brussels", null), RegisterEvents.at(3));
        events.send(UUID.randomUUID().toString(), EventTypes.SUMMARY_PUBLISHED, meeting, new SummaryPublished(meeting,
                "What was said " + run, List.of(new SummaryPublished.WithheldPart("Annex " + run,
                WithholdingReason.COMMERCIALLY_CONFIDENTIAL)), startsAt.plusDays(3)), RegisterEvents.at(2));

        String xml = await().atMost(Duration.ofSeconds(60)).until(() -> body(FEED),
                b -> b.contains("Summary published: " + title) && b.contains("Representative appointed: "
                        + organisationName) && b.contains("Meeting convened: " + title));
        Instant seen = Instant.now();

        // ROME's Atom 1.0 parser
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("urn:taskforce:register");
        assertThat(feed.getTitle()).isEqualTo("Signatory Taskforce public register");
        assertThat(feed.getAuthors()).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo("EU AI Office"));
        assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).singleElement().satisfies(l -> {
            assertThat(l.getHref()).isEqualTo(RestAssured.baseURI + ":" + RestAssured.port + FEED);
            assertThat(l.getType()).isEqualTo("application/atom+xml");
        });
        assertThat(feed.getEntries()).hasSizeBetween(4, 100);
        List<Date> updated = feed.getEntries().stream().map(Entry::getUpdated).toList();
        assertThat(feed.getUpdated()).isEqualTo(updated.stream().max(Date::compareTo).orElseThrow());

        Entry meetingEntry = entry(feed, "Meeting convened: " + title + " on 2026-03-12");
        assertThat(meetingEntry.getSummary().getType()).isEqualTo("text");
        assertThat(meetingEntry.getSummary().getValue()).isEqualTo(
                "Ad hoc group meeting, in person, Brussels, from 2026-03-12 09:00 UTC to 2026-03-12 11:00 UTC.");
        assertThat(meetingEntry.getContents()).isEmpty();
        assertThat(meetingEntry.getAuthors()).as("the feed's author covers every entry").isEmpty();
        assertThat(meetingEntry.getUpdated().toInstant()).isBetween(start, seen);
        assertThat(meetingEntry.getPublished()).isEqualTo(meetingEntry.getUpdated());
        // the related link is the meeting in the register, the alternate one its log entry as JSON
        Link related = link(meetingEntry.getOtherLinks(), "related");
        assertThat(related.getType()).isEqualTo("application/json");
        assertThat(related.getHref()).isEqualTo(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/public/meetings/" + meeting);
        assertThat(given().get(related.getHref()).then().statusCode(200).extract().jsonPath().getString("id"))
                .isEqualTo(meeting.toString());
        long sequence = Long.parseLong(meetingEntry.getId().substring("urn:taskforce:register:entry:".length()));
        Link alternate = link(meetingEntry.getAlternateLinks(), "alternate");
        assertThat(alternate.getType()).isEqualTo("application/json");
        JsonPath logEntry = given().get(alternate.getHref()).then().statusCode(200).extract().jsonPath();
        assertThat(logEntry.getLong("entries[0].sequence")).isEqualTo(sequence);
        assertThat(logEntry.getString("entries[0].entry.eventId")).isEqualTo(convened);

        // the summary event does not carry the meeting's title: the feed names the meeting from the register
        Entry summary = entry(feed, "Summary published: " + title);
        assertThat(summary.getSummary().getValue()).isEqualTo(
                "The public summary of the meeting is published; parts withheld: 1 (commercially confidential).");
        assertThat(link(summary.getOtherLinks(), "related").getHref()).endsWith("/api/v1/public/meetings/" + meeting);
        Entry signatory = entry(feed, "Signatory registered: " + organisationName);
        assertThat(signatory.getSummary().getValue()).isEqualTo(organisationName
                + " signed the Code of Practice on 2025-08-01 (chapters: safety and security, transparency).");
        assertThat(link(signatory.getOtherLinks(), "related").getHref()).endsWith("/api/v1/public/signatories");
        Entry appointed = entry(feed, "Representative appointed: " + organisationName);
        assertThat(appointed.getSummary().getValue()).isEqualTo("A principal representative of " + organisationName
                + "; the name is listed while the person consents to it.");
        assertThat(link(appointed.getOtherLinks(), "related").getHref()).endsWith("/api/v1/public/participants");

        // a feed reader library, independent of ROME, reads the same entries
        List<Item> items = new RssReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertThat(items).hasSize(feed.getEntries().size());
        assertThat(items.get(0).getChannel().getTitle()).isEqualTo("Signatory Taskforce public register");
        Item item = items.stream().filter(i -> i.getGuid().orElseThrow().equals(meetingEntry.getId()))
                .findFirst().orElseThrow();
        assertThat(item.getTitle()).contains(meetingEntry.getTitle());
        assertThat(item.getDescription()).contains(meetingEntry.getSummary().getValue());
        assertThat(item.getUpdatedZonedDateTime().orElseThrow().toInstant())
                .isEqualTo(meetingEntry.getUpdated().toInstant());

        // RFC 4287's rules on the XML itself
        rfc4287(xml);

        // no person's value, no commitment, no JSON in the feed
        assertThat(xml).doesNotContain(name.value()).doesNotContain(name.commitment()).doesNotContain("sha256:")
                .doesNotContain("{\"").doesNotContain("What was said " + run);

        // ids and times stay as they were when later entries come
        UUID later = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_CONVENED, later, new MeetingConvened(later,
                "Later " + run, MeetingKind.AD_HOC_GROUP, MeetingFormat.ONLINE, startsAt, startsAt.plusHours(1),
                "Europe/Brussels", null, null), RegisterEvents.at(1));
        String next = await().atMost(Duration.ofSeconds(60)).until(() -> body(FEED),
                b -> b.contains("Meeting convened: Later " + run));
        Feed again = (Feed) new WireFeedInput().build(new StringReader(next));
        Entry same = entry(again, meetingEntry.getTitle());
        assertThat(same.getId()).isEqualTo(meetingEntry.getId());
        assertThat(same.getUpdated()).isEqualTo(meetingEntry.getUpdated());
        assertThat(entry(again, "Meeting convened: Later " + run + " on 2026-03-12").getSummary().getValue())
                .isEqualTo("Ad hoc group meeting, online, from 2026-03-12 09:00 UTC to 2026-03-12 10:00 UTC.");
        assertThat(again.getUpdated()).isAfterOrEqualTo(feed.getUpdated());
        ConditionalGet.assertNotModified(FEED, given().get(FEED).then().extract().header("ETag"));
    }

    /** What RFC 4287 requires and a schema cannot say, checked with the JDK's namespace-aware DOM parser. */
    static void rfc4287(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String one : List.of("id", "title", "updated")) {
            assertThat(children(feed, one)).as("feed/" + one).hasSize(1);
        }
        assertThat(children(feed, "author")).singleElement().satisfies(author ->
                assertThat(children(author, "name")).singleElement()
                        .satisfies(n -> assertThat(n.getTextContent()).isEqualTo("EU AI Office")));
        assertThat(children(feed, "link")).filteredOn(l -> "self".equals(l.getAttribute("rel"))).hasSize(1);
        Set<String> ids = new HashSet<>();
        for (Element entry : children(feed, "entry")) {
            for (String one : List.of("id", "title", "updated", "summary")) {
                assertThat(children(entry, one)).as("entry/" + one).singleElement()
                        .satisfies(e -> assertThat(e.getTextContent()).isNotBlank());
            }
            assertThat(ids.add(children(entry, "id").get(0).getTextContent())).as("entry ids are unique").isTrue();
            assertThat(children(entry, "content")).isEmpty();
            assertThat(children(entry, "author")).isEmpty();
            List<Element> alternates = children(entry, "link").stream()
                    .filter(l -> "alternate".equals(l.getAttribute("rel"))).toList();
            assertThat(alternates).singleElement().satisfies(l -> {
                assertThat(l.getAttribute("type")).isEqualTo("application/json");
                assertThat(l.getAttribute("href")).contains("/api/v1/public/register/log/entries?from=");
            });
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                children.add(e);
            }
        }
        return children;
    }

    static Entry entry(Feed feed, String title) {
        return feed.getEntries().stream().filter(e -> title.equals(e.getTitle())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title + " in " + feed.getEntries().stream()
                        .map(Entry::getTitle).toList()));
    }

    static Link link(List<Link> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + rel));
    }

    static String body(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }
}
