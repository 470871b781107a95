package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.ensureMember;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The Taskforce Vademecum through the gateway with real tokens: the AI Office drafts an edition, which members cannot
 * see, edits it with If-Match and publishes it with the participants of the day; the public register then serves it to
 * anyone, as JSON and as a page a person reads, and its log records the publication.
 */
class VademecumIT {

    static final String EDITIONS = GATEWAY + "/api/v1/membership/vademecum/editions";
    static final String PUBLIC = GATEWAY + "/api/v1/public";
    static final String STATEMENT = "Taskforce input is without prejudice to the AI Office's public consultations.";

    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static List<Map<String, String>> sections(String run) {
        List<Map<String, String>> sections = new ArrayList<>();
        for (String key : List.of("rules-of-procedure", "objectives", "membership-rules", "transparency-rules")) {
            sections.add(Map.of("key", key, "title", "Title of " + key, "text", "Text of " + key + " " + run));
        }
        sections.add(Map.of("key", "without-prejudice", "title", "Without prejudice", "text", STATEMENT));
        return sections;
    }

    @Test
    void anEditionIsPublishedWithItsParticipantsAndServedByTheRegister() {
        ensureMember(MEMBER_A_ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // a draft is the AI Office's alone
        var drafted = as("office").body(Map.of("changeNote", "Draft " + run, "sections", sections(run)))
                .post(EDITIONS).then().statusCode(201).body("status", is("DRAFT")).extract();
        String id = drafted.path("id");
        as("member-a").get(EDITIONS + "/" + id).then().statusCode(404);
        RestAssured.get(EDITIONS + "/" + id).then().statusCode(401);

        // edited with the version read, then published: numbered, with today's members
        String etag = as("office").header("If-Match", drafted.header("ETag"))
                .body(Map.of("changeNote", "Final " + run, "sections", sections(run))).put(EDITIONS + "/" + id)
                .then().statusCode(200).extract().header("ETag");
        JsonPath published = as("office").header("If-Match", etag).post(EDITIONS + "/" + id + "/publication")
                .then().statusCode(200).body("status", is("PUBLISHED")).extract().jsonPath();
        int number = published.getInt("number");
        assertThat(published.getList("participants.organisationId")).contains(MEMBER_A_ORGANISATION);
        as("member-a").get(EDITIONS + "/" + id).then().statusCode(200).body("number", is(number));

        // the public register, without a token: the edition as JSON, as a page, and in the log
        JsonPath edition = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = RestAssured.get(PUBLIC + "/vademecum/editions/" + number).then().extract();
            return answer.statusCode() == 200 ? answer.jsonPath() : null;
        }, e -> e != null);
        assertThat(edition.getString("id")).isEqualTo(id);
        assertThat(edition.getList("participants.organisationId")).contains(MEMBER_A_ORGANISATION);
        assertThat(edition.getString("sections.find { it.key == 'without-prejudice' }.text")).isEqualTo(STATEMENT);
        assertThat(RestAssured.get(PUBLIC + "/vademecum").then().statusCode(200).extract().<Integer>path("number"))
                .isGreaterThanOrEqualTo(number);
        String page = RestAssured.get(PUBLIC + "/vademecum/editions/" + number + ".html").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertThat(page).contains("Edition " + number + ",").contains("Text of objectives " + run)
                .contains("id=\"without-prejudice\"").contains("Mistral AI");
        long head = RestAssured.get(PUBLIC + "/register/log/entries?limit=1").then().statusCode(200).extract()
                .jsonPath().getLong("headSequence");
        String log = RestAssured.given().queryParam("from", Math.max(1, head - 200)).queryParam("limit", 1000)
                .get(PUBLIC + "/register/log/entries").then().statusCode(200).extract().asString();
        assertThat(log).contains("eu.taskforce.membership.vademecum-published.v1").contains(id);
    }
}
