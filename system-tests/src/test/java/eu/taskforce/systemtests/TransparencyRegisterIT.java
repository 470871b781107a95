package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Follows events from meeting-service and membership-service through Kafka to the public register, through the
 * gateway: a meeting convened, its agenda published, held and summarised with a withheld part shows in the public
 * meetings register and in the verifiable log; new signatories show in the public list. Prints the event-to-register
 * latency it sees (a figure, not an assertion).
 */
class TransparencyRegisterIT {

    static final String MEETINGS = GATEWAY + "/api/v1/meetings";
    static final String PUBLIC = GATEWAY + "/api/v1/public";

    @Test
    void aMeetingHeldAndSummarisedReachesThePublicRegisterAndItsLog() {
        String office = token("office");
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body("{}")
                .post(GATEWAY + "/api/v1/membership/signatories/" + MEMBER_A_ORGANISATION + "/memberships")
                .then().statusCode(anyOf(is(201), is(409)));
        String run = UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(3);
        String title = "Register system test " + run;
        String joiningLink = "https://meet.example.eu/j/secret-" + run;
        String id = RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of(
                        "title", title, "kind", "PLENARY", "format", "ONLINE", "startsAt", start.toString(),
                        "endsAt", start.plusHours(2).toString(), "timeZone", "Europe/Brussels", "joiningLink", joiningLink))
                .post(MEETINGS).then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("title", "Evaluations " + run, "codeReferences", List.of("SAFETY_AND_SECURITY-3.2")))))
                .put(MEETINGS + "/" + id + "/agenda").then().statusCode(anyOf(is(200), is(201)));
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body("{}")
                .post(MEETINGS + "/" + id + "/agenda/publication").then().statusCode(anyOf(is(200), is(201)));
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("attendingOrganisations", List.of(MEMBER_A_ORGANISATION)))
                .post(MEETINGS + "/" + id + "/held").then().statusCode(200);
        String minutes = "Minutes " + run + " with confidential-minutes-" + run;
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("text", minutes))
                .put(MEETINGS + "/" + id + "/minutes").then().statusCode(anyOf(is(200), is(201)));
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body("{}")
                .post(MEETINGS + "/" + id + "/minutes/review").then().statusCode(anyOf(is(200), is(201)));
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body("{}")
                .post(MEETINGS + "/" + id + "/minutes/approval").then().statusCode(anyOf(is(200), is(201)));
        String annex = "confidential-annex-" + run;
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of(
                        "summary", "Members discussed evaluations " + run + ".", "confidentialAnnex", annex,
                        "withheldParts", List.of(Map.of("title", "Benchmark of a member " + run,
                                "reason", "COMMERCIALLY_CONFIDENTIAL"))))
                .post(MEETINGS + "/" + id + "/summary").then().statusCode(anyOf(is(200), is(201)));
        long published = System.nanoTime();

        Map<String, Object> meeting = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    var response = RestAssured.get(PUBLIC + "/meetings/" + id);
                    return response.statusCode() == 200 ? response.jsonPath().<String, Object>getMap("") : null;
                }, m -> m != null && "SUMMARY_PUBLISHED".equals(m.get("status")));
        System.out.printf("register latency: summary published -> public register %d ms%n",
                (System.nanoTime() - published) / 1_000_000);
        assertThat(meeting.get("title")).isEqualTo(title);
        assertThat(meeting.get("withheldParts").toString()).contains("Benchmark of a member " + run)
                .contains("COMMERCIALLY_CONFIDENTIAL");
        assertThat(meeting.get("agenda").toString()).contains("Evaluations " + run);
        assertThat(meeting.get("attendance").toString()).contains(MEMBER_A_ORGANISATION);
        String held = RestAssured.given().queryParam("limit", 500).queryParam("updatedSince", start.toString())
                .get(PUBLIC + "/meetings").then().statusCode(200).extract().asString();
        assertThat(held).contains(id);

        // in the verifiable log, with nothing confidential anywhere public
        long head = RestAssured.get(PUBLIC + "/register/log/entries?limit=1").then().statusCode(200).extract()
                .jsonPath().getLong("headSequence");
        String log = RestAssured.given().queryParam("from", Math.max(1, head - 200)).queryParam("limit", 1000)
                .get(PUBLIC + "/register/log/entries").then().statusCode(200).extract().asString();
        assertThat(log).contains("eu.taskforce.meetings.summary-published.v1").contains("Benchmark of a member " + run);
        String feed = RestAssured.get(PUBLIC + "/register/feed.atom").then().statusCode(200).extract().asString();
        // the feed says in words what happened, and links to the meeting in the register through the gateway
        assertThat(feed).contains("<title>Summary published: " + title + "</title>")
                .contains("href=\"" + PUBLIC + "/meetings/" + id + "\"");
        String csv = RestAssured.given().queryParam("updatedSince", start.toString()).get(PUBLIC + "/meetings.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        // the export says what it should, so that what it does not say is not an error page's silence
        assertThat(csv).contains(id).contains(title);
        for (String body : List.of(log, held, feed, csv)) {
            assertThat(body).doesNotContain(joiningLink).doesNotContain(annex).doesNotContain("confidential-minutes-" + run);
        }
    }

    @Test
    void newSignatoriesReachThePublicListAndTheLatencyIsPrinted() {
        String office = token("office");
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "Register latency AI " + UUID.randomUUID();
            String id = RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of(
                            "name", name, "country", "BE", "chapters", List.of("TRANSPARENCY"), "signedOn", "2025-08-01"))
                    .post(GATEWAY + "/api/v1/membership/signatories").then().statusCode(201).extract().path("id");
            long created = System.nanoTime();
            Map<String, Object> listed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        JsonPath page = RestAssured.given().queryParam("limit", 500)
                                .queryParam("updatedSince", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString())
                                .get(PUBLIC + "/signatories").then().statusCode(200).extract().jsonPath();
                        return page.<Map<String, Object>>getList("items").stream()
                                .filter(item -> id.equals(item.get("id"))).findFirst().orElse(null);
                    }, Objects::nonNull);
            latencies.add((System.nanoTime() - created) / 1_000_000);
            assertThat(listed.get("name")).isEqualTo(name);
            assertThat(listed.get("country")).isEqualTo("BE");
            assertThat(listed.get("chapters")).isEqualTo(List.of("TRANSPARENCY"));
            assertThat(listed.get("signedOn")).isEqualTo("2025-08-01");
        }
        Collections.sort(latencies);
        System.out.printf("register latency: signatory registered -> public list, 5 runs: min %d ms, median %d ms, "
                + "max %d ms (includes the outbox relay interval and the 100 ms polling; bench/register-latency.sh measures finer)%n",
                latencies.get(0), latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
    }
}
