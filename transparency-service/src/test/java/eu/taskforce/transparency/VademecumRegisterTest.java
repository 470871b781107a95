package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.VademecumPublished;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.transparency.log.HeadSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The Vademecum in the public register: each published edition, from its event, served as JSON and as an HTML page
 * (read here with jsoup, an independent HTML parser) that escapes whatever the edition says; the current edition and
 * every earlier one; a representative's name joined from its disclosed opening (membership-service is the
 * {@link MembershipStub}, which PersonalDataTest starts for every test class), never stored; each publication an entry
 * of the verifiable log.
 */
@QuarkusTest
class VademecumRegisterTest {

    static final String VADEMECUM = "/api/v1/public/vademecum";
    static final String EDITIONS = VADEMECUM + "/editions";
    static final String HOSTILE = "<script>alert('vademecum')</script> & \"quoted\"";

    @Inject
    HeadSigner signer;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        events = RegisterEvents.toContractTopics();
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void everyEditionIsServedAsJsonAndAsEscapedHtmlAndLoggedVerifiably() throws Exception {
        // numbers above those of any earlier run, so that this run's second edition is the register's current one
        int first = (int) (Instant.now().getEpochSecond() - 1_700_000_000L) * 2;
        UUID organisation = UUID.randomUUID();
        String organisationName = "<b>Vademecum & Co</b> " + organisation;
        UUID representative = UUID.randomUUID();
        String name = "Planted Vademecum Person " + UUID.randomUUID().toString().replace("-", "");
        Opening opening = Opening.of("publicName", representative, name);
        MembershipStub.disclose(opening);
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation,
                new SignatoryRegistered(organisation, organisationName, "FR", null, Set.of(Chapter.TRANSPARENCY),
                        LocalDate.of(2025, 8, 1)), RegisterEvents.at(10));
        events.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), organisationName, LocalDate.of(2026, 1, 30)),
                RegisterEvents.at(9));
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, representative, RepresentativeRole.PRINCIPAL,
                        opening.personalField()), RegisterEvents.at(8));

        UUID firstId = UUID.randomUUID();
        String firstEvent = UUID.randomUUID().toString();
        VademecumPublished.Participant participant = new VademecumPublished.Participant(organisation, organisationName,
                "FR", "https://example.org/?a=1&b=2", List.of(Chapter.TRANSPARENCY), LocalDate.of(2026, 1, 30),
                List.of(new VademecumPublished.Representative(representative, RepresentativeRole.PRINCIPAL,
                        opening.personalField())));
        events.send(firstEvent, EventTypes.VADEMECUM_PUBLISHED, firstId, edition(firstId, first, HOSTILE,
                List.of(participant)), RegisterEvents.at(5));
        UUID secondId = UUID.randomUUID();
        events.send(UUID.randomUUID().toString(), EventTypes.VADEMECUM_PUBLISHED, secondId,
                edition(secondId, first + 1, "Second edition", List.of()), RegisterEvents.at(4));

        // JSON: the edition as published, the name joined from its opening, the next edition named
        JsonPath earlier = await().atMost(Duration.ofSeconds(60)).until(() -> {
            var answer = given().get(EDITIONS + "/" + first).then().extract();
            return answer.statusCode() == 200 ? answer.jsonPath() : null;
        }, e -> e != null && name.equals(e.getString("participants[0].representatives[0].name"))
                && Integer.valueOf(first + 1).equals(e.get("supersededBy")));
        assertThat(earlier.getString("id")).isEqualTo(firstId.toString());
        assertThat(earlier.getList("sections.key")).containsExactly("rules-of-procedure", "objectives",
                "membership-rules", "transparency-rules", "without-prejudice");
        assertThat(earlier.getString("sections[0].text")).isEqualTo(HOSTILE);
        assertThat(earlier.getString("participants[0].name")).isEqualTo(organisationName);
        assertThat(earlier.getList("participants[0].chapters")).containsExactly("TRANSPARENCY");
        assertThat(earlier.getString("participants[0].representatives[0].nameCommitment"))
                .isEqualTo(opening.commitment());
        assertThat(earlier.getString("participants[0].representatives[0].role")).isEqualTo("PRINCIPAL");
        given().get(VADEMECUM).then().statusCode(200).body("number", is(first + 1)).body("id", is(secondId.toString()));
        assertThat(MeetingRegisterTest.all(EDITIONS, e -> e.get("number"))).contains(first, first + 1);
        assertThat(MeetingRegisterTest.all(EDITIONS, e -> e)).filteredOn(e -> e.get("number").equals(first))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("participants", 1));

        // conditional GETs, as every public resource answers them
        for (String path : List.of(VADEMECUM, EDITIONS, EDITIONS + "/" + first, EDITIONS + "/" + first + ".html",
                VADEMECUM + ".html")) {
            ConditionalGet.assertNotModified(path, given().get(path).then().statusCode(200)
                    .header("Cache-Control", org.hamcrest.Matchers.containsString("public")).extract().header("ETag"));
        }

        // HTML: a page a person reads, whatever the edition says rendered as text, never as markup
        String html = given().get(EDITIONS + "/" + first + ".html").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.title()).isEqualTo("Signatory Taskforce Vademecum, edition " + first);
        assertThat(page.select("script")).as("no script came through").isEmpty();
        assertThat(page.select("main b, td b")).as("no markup from the data").isEmpty();
        Element rules = page.getElementById("rules-of-procedure");
        assertThat(rules.selectFirst("h2").text()).isEqualTo("Title of rules-of-procedure");
        assertThat(rules.selectFirst(".text").text()).isEqualTo(HOSTILE);
        assertThat(page.getElementById("without-prejudice")).isNotNull();
        Element row = page.selectFirst("#participants tbody tr");
        assertThat(row.selectFirst(".organisation").text()).startsWith(organisationName);
        assertThat(row.selectFirst(".representatives").text()).isEqualTo(name + " (PRINCIPAL)");
        assertThat(row.selectFirst(".chapters").text()).isEqualTo("TRANSPARENCY");
        assertThat(page.getElementById("superseded").selectFirst("a").attr("href"))
                .isEqualTo(EDITIONS + "/" + (first + 1) + ".html");
        assertThat(page.select("#editions a").eachAttr("href"))
                .contains(EDITIONS + "/" + first + ".html", EDITIONS + "/" + (first + 1) + ".html");
        Document current = Jsoup.parse(given().get(VADEMECUM + ".html").then().statusCode(200).extract().asString());
        assertThat(current.getElementById("edition").text()).startsWith("Edition " + (first + 1) + ",");
        assertThat(current.getElementById("superseded")).isNull();

        // bounds and problems
        given().get(EDITIONS + "/0").then().statusCode(404).contentType("application/problem+json");
        given().get(EDITIONS + "/0.html").then().statusCode(404).contentType("application/problem+json");
        given().get(EDITIONS + "/x").then().statusCode(404);
        given().get(EDITIONS + "/1234567890").then().statusCode(404);
        given().queryParam("limit", 501).get(EDITIONS).then().statusCode(400).contentType("application/problem+json");

        // the log: one entry per publication, with the commitment and never the name; and the verifier accepts it
        Map<String, Object> logged = VerifiableLogTest.awaitEntry(firstEvent);
        assertThat(logged.get("type")).isEqualTo(EventTypes.VADEMECUM_PUBLISHED.type());
        assertThat(logged.get("subject")).isEqualTo(firstId.toString());
        assertThat(logged.get("data").toString()).contains(opening.commitment()).doesNotContain(name);
        signer.sign().orElseThrow();
        Method verify = VerifiableLogTest.verifier();
        Map<String, String> served = new HashMap<>();
        Function<String, String> real = path -> served.computeIfAbsent(path,
                p -> given().get(p).then().statusCode(200).extract().asString());
        assertThat(VerifiableLogTest.problems(verify, real)).isEmpty();
    }

    static VademecumPublished edition(UUID id, int number, String text, List<VademecumPublished.Participant> participants) {
        List<String> keys = List.of("rules-of-procedure", "objectives", "membership-rules", "transparency-rules",
                "without-prejudice");
        List<VademecumPublished.Section> sections = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sections.add(new VademecumPublished.Section(keys.get(i), i + 1, "Title of " + keys.get(i), text));
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return new VademecumPublished(id, number, at.toLocalDate(), at, sections, participants);
    }
}
