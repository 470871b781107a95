package eu.taskforce.guidance;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.ServiceEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.guidance.Guidance.FEEDBACK;
import static eu.taskforce.guidance.Guidance.WINDOWS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.platform.testing.Actors.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Input windows and feedback: input only while a window is open (409 before and after), the scheduled close, what each
 * caller sees (visibility and attribution), edits and withdrawals with their history, and bad input.
 */
@QuarkusTest
class WindowsAndFeedbackTest extends CurrentMembersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Test
    void inputIsAcceptedOnlyWhileTheWindowIsOpen() {
        String document = Guidance.publishedDocument("Window rules");
        String later = Guidance.openWindow(document, 1, Guidance.inMinutes(60), Guidance.inMinutes(120));
        MEMBER_A.request().get(WINDOWS + "/" + later).then().statusCode(200).body("phase", equalTo("SCHEDULED"));
        MEMBER_A.request().body(Guidance.feedback("scope", "Too early", "ATTRIBUTED", "PUBLIC"))
                .post(WINDOWS + "/" + later + "/feedback").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("opens at"));

        String window = Guidance.openWindow("Window closing");
        String item = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "In time", "ATTRIBUTED", "PUBLIC"));
        Guidance.close(window);
        OFFICE.request().get(WINDOWS + "/" + window).then().body("phase", equalTo("CLOSED"))
                .body("closedEarly", equalTo(true));
        MEMBER_A.request().body(Guidance.feedback("scope", "Too late", "ATTRIBUTED", "PUBLIC"))
                .post(WINDOWS + "/" + window + "/feedback").then().statusCode(409)
                .body("detail", containsString("closed"));
        MEMBER_A.request().body(Guidance.feedback("scope", "Edited late", "ATTRIBUTED", "PUBLIC"))
                .put(FEEDBACK + "/" + item).then().statusCode(409)
                .body("detail", containsString("; input is no longer accepted"));
        MEMBER_A.request().post(FEEDBACK + "/" + item + "/withdrawal").then().statusCode(409)
                .body("detail", containsString("; input is no longer accepted"));
        OFFICE.request().post(WINDOWS + "/" + window + "/close").then().statusCode(409)
                .body("detail", equalTo("The window is closed already"));
    }

    @Test
    void aWindowClosesByItselfAtItsClosingTime() {
        String document = Guidance.publishedDocument("Scheduled close");
        String window = Guidance.openWindow(document, 1, null, Guidance.inMinutes(0).plusSeconds(3));
        Guidance.give(MEMBER_A, window, Guidance.feedback(null, "Quick", "ATTRIBUTED", "PUBLIC"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                "CLOSED".equals(OFFICE.request().queryParam("status", "CLOSED").queryParam("documentId", document)
                        .get(WINDOWS).then().extract().path("items[0].phase")));
        OFFICE.request().get(WINDOWS + "/" + window).then().body("closedEarly", equalTo(false))
                .body("publicItems", equalTo(1));
        // nobody called an endpoint: the scheduled job published "window closed", once
        var records = ServiceEvents.await(bootstrapServers, topicPrefix + Topics.GUIDANCE, java.util.Set.of(window),
                r -> ServiceEvents.types(r).contains(EventTypes.WINDOW_CLOSED.type()));
        assertThat(ServiceEvents.types(records)).containsExactly(EventTypes.WINDOW_OPENED.type(),
                EventTypes.FEEDBACK_SUBMITTED.type(), EventTypes.WINDOW_CLOSED.type());
        assertThat(records.get(2).value()).contains("\"closedEarly\":false").contains("\"publicItems\":1");
    }

    @Test
    void windowsNeedAPublishedVersionAFutureClosingAndOnePerVersion() {
        String document = Guidance.publishedDocument("Window input");
        String windows = DOCUMENTS + "/" + document + "/versions/1/windows";
        OFFICE.request().body(Map.of("closesAt", Guidance.inMinutes(-5).toString())).post(windows).then()
                .statusCode(400).body("detail", containsString("future"));
        OFFICE.request().body(Map.of("opensAt", Guidance.inMinutes(30).toString(),
                "closesAt", Guidance.inMinutes(20).toString())).post(windows).then().statusCode(400);
        OFFICE.request().body(Map.of()).post(windows).then().statusCode(400).body("errors[0].field", equalTo("closesAt"));
        OFFICE.request().body(Map.of("closesAt", "tomorrow")).post(windows).then().statusCode(400);
        Guidance.openWindow(document, 1);
        OFFICE.request().body(Map.of("closesAt", Guidance.inMinutes(60).toString())).post(windows).then().statusCode(409)
                .body("detail", equalTo("Version 1 has an input window already"));
        Guidance.addVersion(document, null);
        OFFICE.request().body(Map.of("closesAt", Guidance.inMinutes(60).toString()))
                .post(DOCUMENTS + "/" + document + "/versions/2/windows").then().statusCode(409)
                .body("detail", containsString("draft"));
    }

    @Test
    void membersSeeTheirOwnAndOthersPublicFeedbackAnonymousItemsUnnamed() {
        String window = Guidance.openWindow("Visibility");
        String confidential = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "A confidential",
                "ATTRIBUTED", "CONFIDENTIAL"));
        String anonymous = Guidance.give(MEMBER_A, window, Guidance.feedback("evaluations", "A anonymous",
                "ANONYMOUS", "PUBLIC"));
        String attributed = Guidance.give(MEMBER_A, window, Guidance.feedback(null, "A attributed", "ATTRIBUTED",
                "PUBLIC"));
        String ofB = Guidance.give(MEMBER_B, window, Guidance.feedback(null, "B confidential", "ATTRIBUTED",
                "CONFIDENTIAL"));

        String list = WINDOWS + "/" + window + "/feedback";
        MEMBER_B.request().get(list).then().statusCode(200)
                .body("items.id", equalTo(List.of(anonymous, attributed, ofB)))
                .body("items.text", not(hasItem("A confidential")))
                .body("items.find { it.id == '" + anonymous + "' }.organisationId", nullValue())
                .body("items.find { it.id == '" + attributed + "' }.organisationId", equalTo(ORG_A.toString()))
                .body("items.find { it.id == '" + ofB + "' }.own", equalTo(true));
        MEMBER_A.request().get(list).then().body("items.id", equalTo(List.of(confidential, anonymous, attributed)))
                .body("items.find { it.id == '" + anonymous + "' }.organisationId", equalTo(ORG_A.toString()));
        OFFICE.request().get(list).then().body("items.id", equalTo(List.of(confidential, anonymous, attributed, ofB)));
        MEMBER_B.request().get(FEEDBACK + "/" + confidential).then().statusCode(404)
                .body("detail", not(containsString("A confidential")));
        MEMBER_B.request().queryParam("sectionKey", "evaluations").get(list).then()
                .body("items.id", equalTo(List.of(anonymous)));
        EXPERT.request().get(list).then().statusCode(403)
                .body("detail", equalTo("Feedback is read by the AI Office and representatives of member organisations"));
        MEMBER_B.request().get(WINDOWS + "/" + window).then().body("publicItems", equalTo(2))
                .body("confidentialItems", equalTo(2));
    }

    @Test
    void editsAndWithdrawalsKeepTheHistory() {
        String window = Guidance.openWindow("History");
        String item = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "First", "ATTRIBUTED", "PUBLIC"));
        String path = FEEDBACK + "/" + item;
        String etag = Guidance.etag(MEMBER_A, path);
        MEMBER_A.request().header("If-Match", "\"99\"")
                .body(Guidance.feedback("scope", "Second", "ANONYMOUS", "CONFIDENTIAL")).put(path).then().statusCode(412)
                .body("detail", containsString("The record has changed since you read it"));
        MEMBER_A.request().header("If-Match", etag)
                .body(Guidance.feedback("evaluations", "Second", "ANONYMOUS", "CONFIDENTIAL")).put(path).then()
                .statusCode(200).body("revision", equalTo(2)).body("visibility", equalTo("CONFIDENTIAL"));
        MEMBER_B.request().get(path).then().statusCode(404);
        MEMBER_A.request().post(path + "/withdrawal").then().statusCode(200).body("withdrawn", equalTo(true));
        MEMBER_A.request().post(path + "/withdrawal").then().statusCode(409)
                .body("detail", equalTo("The feedback was withdrawn already"));
        MEMBER_A.request().body(Guidance.feedback("scope", "Third", "ATTRIBUTED", "PUBLIC")).put(path).then()
                .statusCode(409)
                .body("detail", equalTo("The feedback was withdrawn; give new feedback instead"));
        MEMBER_A.request().get(path + "/revisions").then().statusCode(200)
                .body("items.revision", equalTo(List.of(1, 2, 3)))
                .body("items.text", equalTo(List.of("First", "Second", "Second")))
                .body("items.sectionKey", equalTo(List.of("scope", "evaluations", "evaluations")))
                .body("items.withdrawn", equalTo(List.of(false, false, true)));
        var page = MEMBER_A.request().queryParam("limit", 2).get(path + "/revisions").then().extract();
        assertThat(page.header("Link")).contains("rel=\"next\"");
        MEMBER_A.request().queryParam("limit", 2).queryParam("cursor", (String) page.path("nextCursor"))
                .get(path + "/revisions").then().body("items.revision", equalTo(List.of(3)));
        OFFICE.request().get(WINDOWS + "/" + window).then().body("publicItems", equalTo(0))
                .body("confidentialItems", equalTo(0));
    }

    @Test
    void onlyACurrentMemberGivesInputAsTheReplicaKnowsIt() {
        String window = Guidance.openWindow("Former members");
        feed.leave(ORG_B); // membership-service's event: Aleph Alpha left the Taskforce
        try {
            MEMBER_B.request().body(Guidance.feedback("scope", "Still here?", "ATTRIBUTED", "PUBLIC"))
                    .post(WINDOWS + "/" + window + "/feedback").then().statusCode(403)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("not a current member"));
        } finally {
            feed.member(ORG_B, "Aleph Alpha"); // a new membership period: the other tests need B as a member
        }
        Guidance.give(MEMBER_B, window, Guidance.feedback("scope", "Back again", "ATTRIBUTED", "PUBLIC"));
    }

    @Test
    void badFeedbackIsRefusedWithAProblem() {
        String window = Guidance.openWindow("Bad feedback");
        String path = WINDOWS + "/" + window + "/feedback";
        MEMBER_A.request().body(Guidance.feedback("nowhere", "Text", "ATTRIBUTED", "PUBLIC")).post(path).then()
                .statusCode(400).body("detail", containsString("sectionKey"));
        MEMBER_A.request().body(Guidance.feedback("scope", " ", "ATTRIBUTED", "PUBLIC")).post(path).then()
                .statusCode(400).body("errors.field", hasItem("text"));
        MEMBER_A.request().body(Guidance.feedback("scope", "x".repeat(10001), "ATTRIBUTED", "PUBLIC")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("text"));
        MEMBER_A.request().body(Guidance.feedback("scope", "Text", "SIGNED", "PUBLIC")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("attribution"));
        MEMBER_A.request().body(Guidance.feedback("scope", "Text", "ATTRIBUTED", null)).post(path).then()
                .statusCode(400).body("errors.field", hasItem("visibility"));
        MEMBER_A.request().body(Guidance.feedback("Scope!", "Text", "ATTRIBUTED", "PUBLIC")).post(path).then()
                .statusCode(400).body("errors.field", hasItem("sectionKey"));
        MEMBER_A.request().body("[]").post(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        String item = Guidance.give(MEMBER_A, window, Guidance.feedback("scope", "Fine", "ATTRIBUTED", "PUBLIC"));
        MEMBER_A.request().body(Guidance.feedback("scope", "", "ATTRIBUTED", "PUBLIC")).put(FEEDBACK + "/" + item)
                .then().statusCode(400);
        MEMBER_A.request().body(Guidance.feedback("gone", "x", "ATTRIBUTED", "PUBLIC")).put(FEEDBACK + "/" + item)
                .then().statusCode(400);
        MEMBER_A.request().get(FEEDBACK + "/" + item).then().body("text", equalTo("Fine"));
        MEMBER_A.request().body(Guidance.feedback(null, "No window", "ATTRIBUTED", "PUBLIC"))
                .post(WINDOWS + "/" + java.util.UUID.randomUUID() + "/feedback").then().statusCode(404);
    }
}
