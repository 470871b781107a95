package eu.taskforce.meeting;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.Attachments;
import eu.taskforce.platform.testing.Attachments.Download;
import eu.taskforce.platform.testing.Attachments.Upload;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Meeting papers: added, their documents streamed in and out in chunks (typed by their bytes, size-limited), circulated
 * on time or late, read per visibility by each caller, announced without their content, and the public ones served
 * without a token once the meeting is held.
 */
@QuarkusTest
class MeetingPapersTest extends CurrentMembersTest {

    /** More than two chunks of 256 KiB, below the module tests' limit of 1 MiB. */
    static final long THREE_CHUNKS = 700_000;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    static String papers(String meeting) {
        return MEETINGS + "/" + meeting + "/papers";
    }

    static Map<String, Object> paper(String title, Integer agendaItem, String visibility, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("visibility", visibility);
        if (agendaItem != null) {
            body.put("agendaItem", agendaItem);
        }
        if (reason != null) {
            body.put("withholdingReason", reason);
        }
        return body;
    }

    /** Adds a paper as the AI Office and returns its path. */
    static String add(String meeting, Map<String, Object> body) {
        String id = OFFICE.request().body(body).post(papers(meeting)).then().statusCode(201)
                .header("Location", startsWith("http")).extract().path("id");
        return papers(meeting) + "/" + id;
    }

    /** Stores a small PDF as the paper's document and circulates it; returns the circulated paper's late flag. */
    static boolean storeAndCirculate(String paper) {
        OFFICE.request().contentType("application/pdf").body("%PDF-1.7\nA paper".getBytes(StandardCharsets.US_ASCII))
                .put(paper + "/content").then().statusCode(200);
        return OFFICE.request().post(paper + "/circulation").then().statusCode(200).extract().path("late");
    }

    static void invite(String meeting) {
        OFFICE.request().body(Map.of("organisationId", ORG_A.toString())).post(MEETINGS + "/" + meeting + "/invitations")
                .then().statusCode(201);
        OFFICE.request().body(Map.of("username", "expert", "displayName", "Dr Expert"))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(201);
    }

    @Test
    void aPapersDocumentIsStreamedInChunksTypedByItsBytesAndLimitedInSize() throws Exception {
        String meeting = convene(meeting("AD_HOC_GROUP", inDays(20), "papers"));
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Model reports")))).put(MEETINGS + "/" + meeting
                + "/agenda").then().statusCode(200);
        OFFICE.request().body(paper("Draft", 2, "MEMBERS", "SECURITY")).post(papers(meeting)).then().statusCode(400)
                .body("detail", equalTo("The agenda has no item 2 (it has 1)"));
        OFFICE.request().body(paper("Draft", 1, "PUBLIC", "SECURITY")).post(papers(meeting)).then().statusCode(400);
        OFFICE.request().body(paper("Draft", 1, "MEMBERS", null)).post(papers(meeting)).then().statusCode(400);
        OFFICE.request().body(paper("x".repeat(301), 1, "PUBLIC", null)).post(papers(meeting)).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        String paper = add(meeting, paper("Draft template", 1, "MEMBERS", "COMMERCIALLY_CONFIDENTIAL"));
        OFFICE.request().post(paper + "/circulation").then().statusCode(409)
                .body("detail", equalTo("The paper has no document yet: store it first"));

        Upload upload = Attachments.put(base, OFFICE, paper + "/content", THREE_CHUNKS, 7, true);
        assertThat(upload.status()).isEqualTo(200);
        Download download = Attachments.get(base, OFFICE, paper + "/content");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.length()).isEqualTo(THREE_CHUNKS);
        assertThat(download.sha256()).isEqualTo(Attachments.sha256(THREE_CHUNKS, 7));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(THREE_CHUNKS));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"attachment\"");
        assertThat(download.headers().firstValue("Repr-Digest").orElseThrow()).startsWith("sha-256=:");

        // over the limit, sent chunked: refused as it passes it, and the stored document stays
        Upload tooLarge = Attachments.put(base, OFFICE, paper + "/content", 1024 * 1024 + 1, 8, false);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        OFFICE.request().contentType("application/pdf").body("plain words".getBytes(StandardCharsets.UTF_8))
                .put(paper + "/content").then().statusCode(415);
        OFFICE.request().contentType("application/octet-stream").body(new byte[]{0, 1, 2, 3})
                .put(paper + "/content").then().statusCode(415);
        assertThat(Attachments.get(base, OFFICE, paper + "/content").sha256())
                .isEqualTo(Attachments.sha256(THREE_CHUNKS, 7));

        OFFICE.request().queryParam("filename", "../notes 1.txt").contentType("text/plain")
                .body("Notes for the meeting".getBytes(StandardCharsets.UTF_8)).put(paper + "/content")
                .then().statusCode(200).body("mediaType", equalTo("text/plain")).body("documentName", equalTo("notes_1.txt"))
                .body("circulatedAt", equalTo(null));
        OFFICE.request().post(paper + "/circulation").then().statusCode(200).body("late", equalTo(false));
        OFFICE.request().post(paper + "/circulation").then().statusCode(409);
        OFFICE.request().contentType("text/plain").body("Changed".getBytes(StandardCharsets.UTF_8))
                .put(paper + "/content").then().statusCode(409);
    }

    @Test
    void papersAreReadPerVisibilityAndLateOnesAreFlagged() {
        OffsetDateTime startsAt = inDays(2);
        String meeting = convene(meeting("AD_HOC_GROUP", startsAt, "papers"));
        invite(meeting);
        String members = add(meeting, paper("For members", null, "MEMBERS", "COMMERCIALLY_CONFIDENTIAL"));
        String attendees = add(meeting, paper("For attendees", null, "ATTENDEES", "SECURITY"));
        String everyone = add(meeting, paper("For everyone", null, "PUBLIC", null));
        String draft = add(meeting, paper("Not circulated", null, "PUBLIC", null));
        // the meeting starts in two days: later than five days before it
        assertThat(storeAndCirculate(members)).isTrue();
        storeAndCirculate(attendees);
        storeAndCirculate(everyone);
        String dueOn = startsAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().minusDays(5).toString();
        OFFICE.request().get(members).then().statusCode(200).body("dueOn", equalTo(dueOn)).body("late", equalTo(true));

        // A: member and invited; B: member, not invited; the expert: invited, not a member
        assertThat(titles(OFFICE, meeting)).containsExactlyInAnyOrder("For members", "For attendees", "For everyone",
                "Not circulated");
        assertThat(titles(MEMBER_A, meeting)).containsExactlyInAnyOrder("For members", "For attendees", "For everyone");
        assertThat(titles(MEMBER_B, meeting)).containsExactlyInAnyOrder("For members", "For everyone");
        assertThat(titles(EXPERT, meeting)).containsExactly("For attendees");
        ANONYMOUS.request().get(papers(meeting)).then().statusCode(401);
        MEMBER_B.request().get(attendees).then().statusCode(404);
        MEMBER_B.request().get(attendees + "/content").then().statusCode(404);
        EXPERT.request().get(members + "/content").then().statusCode(404);
        EXPERT.request().get(everyone).then().statusCode(404);
        MEMBER_A.request().get(draft).then().statusCode(404);
        EXPERT.request().get(attendees + "/content").then().statusCode(200).contentType("application/pdf");
        // not held yet: the public paper is not public
        ANONYMOUS.request().get(MEETINGS + "/public-papers/" + id(everyone)).then().statusCode(404);

        // announced: metadata, the visibility and the reason, the lateness; never the content
        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(meeting), r -> r.size() >= 4);
        assertThat(ServiceEvents.types(events)).containsExactly(EventTypes.MEETING_CONVENED.type(),
                EventTypes.PAPER_CIRCULATED.type(), EventTypes.PAPER_CIRCULATED.type(), EventTypes.PAPER_CIRCULATED.type());
        assertThat(events.get(1).value()).contains("\"title\":\"For members\"", "\"visibility\":\"MEMBERS\"",
                "\"withholdingReason\":\"COMMERCIALLY_CONFIDENTIAL\"", "\"late\":true", "\"dueOn\":\"" + dueOn + "\"");
        assertThat(events.get(3).value()).contains("\"visibility\":\"PUBLIC\"").doesNotContain("withholdingReason");
        assertThat(events).allSatisfy(r -> assertThat(r.value()).doesNotContain("A paper", "%PDF"));
    }

    @Test
    void publicPapersOfAMeetingHeldAreServedWithoutAToken() {
        String meeting = convene(meeting("PLENARY", inDays(0).minusHours(1), "papers"));
        String everyone = add(meeting, paper("Public paper", null, "PUBLIC", null));
        String withheld = add(meeting, paper("Withheld paper", null, "MEMBERS", "COMPETITION_LAW"));
        storeAndCirculate(everyone);
        storeAndCirculate(withheld);
        Meetings.hold(meeting, List.of(ORG_A));

        ANONYMOUS.request().get(MEETINGS + "/public-papers/" + id(everyone)).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", startsWith("attachment"))
                .body(equalTo("%PDF-1.7\nA paper"));
        for (Actors caller : List.of(ANONYMOUS, MEMBER_A, OFFICE)) {
            caller.request().get(MEETINGS + "/public-papers/" + id(withheld)).then().statusCode(404);
        }
        EXPERT.request().get(papers(meeting)).then().statusCode(200).body("items.title", containsInAnyOrder("Public paper"));
    }

    private static List<String> titles(Actors actor, String meeting) {
        return actor.request().get(papers(meeting)).then().statusCode(200).extract().jsonPath().getList("items.title");
    }

    private static String id(String paperPath) {
        return paperPath.substring(paperPath.lastIndexOf('/') + 1);
    }
}
