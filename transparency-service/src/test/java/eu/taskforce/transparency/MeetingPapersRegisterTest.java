package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.platform.kafka.TopicNames;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.transparency.RegisterEvents.at;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The papers of a meeting in the register: none while the meeting is not held; then every paper, the public ones with
 * the path of their document, the others with the reason they are withheld, and whether each was circulated late.
 */
@QuarkusTest
class MeetingPapersRegisterTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.MEETINGS)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    @AfterEach
    void close() {
        events.close();
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
        await().atMost(MeetingRegisterTest.APPLIED_WITHIN).untilAsserted(() -> given().get("/api/v1/public/meetings/"
                + meeting).then().statusCode(200).body("title", equalTo("Plenary with papers")));
        // not held: nothing listed yet
        given().get(papers).then().statusCode(200).body("items", empty());

        events.send(UUID.randomUUID().toString(), EventTypes.MEETING_HELD, meeting, new MeetingHeld(meeting,
                "Plenary with papers", MeetingKind.PLENARY, start, start.plusHours(1), List.of(), 0), at(100));
        await().atMost(MeetingRegisterTest.APPLIED_WITHIN).untilAsserted(() -> given().get(papers).then().statusCode(200)
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
