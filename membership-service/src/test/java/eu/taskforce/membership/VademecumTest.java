package eu.taskforce.membership;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.membership.TestSupport.Events;
import eu.taskforce.membership.TestSupport.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.membership.TestSupport.EDITIONS;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.consent;
import static eu.taskforce.membership.TestSupport.draftEdition;
import static eu.taskforce.membership.TestSupport.everything;
import static eu.taskforce.membership.TestSupport.freshMember;
import static eu.taskforce.membership.TestSupport.freshSignatory;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.leave;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.read;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.type;
import static eu.taskforce.membership.TestSupport.unique;
import static eu.taskforce.membership.TestSupport.vademecumSections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The Taskforce Vademecum: the AI Office drafts and edits an edition (If-Match), publishes it, and the published
 * edition is frozen with the participants of its day, whatever happens to the membership afterwards.
 */
@QuarkusTest
class VademecumTest {

    @Test
    void aDraftIsTheAiOfficesUntilPublishedThenFrozenWithTheParticipantsOfItsDay() {
        UUID member = freshMember();
        UUID outsider = freshSignatory();
        String consenting = unique("Named Person");
        String silent = unique("Unnamed Person");
        UUID named = appoint(member, representative(consenting, "named@example.org", "PRINCIPAL", account()));
        UUID unnamed = appoint(member, representative(silent, "unnamed@example.org", "ALTERNATE", account()));
        office().contentType(ContentType.JSON).body(consent())
                .put(SIGNATORIES + "/" + member + "/representatives/" + named + "/consent").then().statusCode(200);

        String marker = "draft-" + UUID.randomUUID();
        ExtractableResponse<Response> drafted = office().contentType(ContentType.JSON)
                .body(json("changeNote", "First draft", "sections", vademecumSections(marker))).post(EDITIONS)
                .then().statusCode(201).body("status", is("DRAFT")).body("number", nullValue())
                .body("participants", nullValue()).body("sections[4].key", is("without-prejudice"))
                .body("sections[4].position", is(5)).extract();
        UUID id = UUID.fromString(drafted.path("id"));
        String path = EDITIONS + "/" + id;

        // a draft is the AI Office's alone: to anyone else it does not exist
        for (User user : List.of(User.MEMBER_A, User.EXPERT)) {
            user.request().get(path).then().statusCode(404).contentType(PROBLEM);
            assertThat(ids(user.request().queryParam("limit", 500).get(EDITIONS).then().statusCode(200)
                    .extract().jsonPath().getList("items.id"))).doesNotContain(id.toString());
        }

        // edited with the ETag read last; a stale one is refused and changes nothing
        List<Map<String, String>> edited = new ArrayList<>(vademecumSections(marker));
        edited.add(Map.of("key", "working-methods", "title", "Working methods", "text", "Written procedure <b>too</b>"));
        office().contentType(ContentType.JSON).header("If-Match", "\"-1\"")
                .body(json("sections", edited)).put(path).then().statusCode(412).contentType(PROBLEM);
        String etag = office().contentType(ContentType.JSON).header("If-Match", drafted.header("ETag"))
                .body(json("changeNote", "Second draft", "sections", edited)).put(path).then().statusCode(200)
                .body("changeNote", is("Second draft")).body("sections.size()", is(6))
                .body("sections[5].text", is("Written procedure <b>too</b>")).extract().header("ETag");
        assertThat(etag).isNotEqualTo(drafted.header("ETag"));
        office().header("If-Match", drafted.header("ETag")).post(path + "/publication")
                .then().statusCode(412).contentType(PROBLEM);

        // published: numbered, dated, frozen with today's members and only the consented name, as a commitment
        Events events = TestSupport.events();
        try {
            JsonNode published = read(office().header("If-Match", etag).post(path + "/publication").then()
                    .statusCode(200).body("status", is("PUBLISHED"))
                    .body("publishedOn", is(LocalDate.now(ZoneOffset.UTC).toString())).extract().asString());
            int number = published.get("number").asInt();
            assertThat(number).isPositive();
            JsonNode participant = participant(published, member);
            assertThat(participant).as("the fresh member is listed").isNotNull();
            assertThat(participant(published, outsider)).as("a signatory that is not a member is not").isNull();
            assertThat(participant.get("memberSince").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(participant.get("representatives")).hasSize(1);
            JsonNode representative = participant.get("representatives").get(0);
            assertThat(representative.get("representativeId").asText()).isEqualTo(named.toString());
            assertThat(representative.get("nameCommitment").asText()).matches("sha256:[0-9a-f]{64}");
            assertThat(published.toString()).doesNotContain(consenting, silent, unnamed.toString());

            ConsumerRecord<String, String> event = events.waitFor(id, 1).get(0);
            assertThat(type(event)).isEqualTo(EventTypes.VADEMECUM_PUBLISHED.type());
            JsonNode data = read(event.value());
            assertThat(data.get("number").asInt()).isEqualTo(number);
            assertThat(data.get("sections")).hasSize(6);
            assertThat(data.toString()).contains(representative.get("nameCommitment").asText());
            assertThat(everything(event)).doesNotContain(consenting, silent, "@example.org");

            // members and stakeholders read it now; nobody changes it, and a later membership change leaves it as is
            User.MEMBER_A.request().get(path).then().statusCode(200).body("number", is(number));
            User.EXPERT.request().get(path).then().statusCode(200).body("number", is(number));
            office().contentType(ContentType.JSON).body(json("sections", edited)).put(path)
                    .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("cannot change"));
            office().post(path + "/publication").then().statusCode(409).contentType(PROBLEM);
            leave(office(), member, null).then().statusCode(200);
            office().delete(SIGNATORIES + "/" + member + "/representatives/" + named).then().statusCode(204);
            JsonNode later = read(office().get(path).then().statusCode(200).extract().asString());
            assertThat(later.get("participants")).isEqualTo(published.get("participants"));
            assertThat(later.get("sections")).isEqualTo(published.get("sections"));

            // a new draft without sections starts from the latest published edition
            office().contentType(ContentType.JSON).body(json("changeNote", "Next")).post(EDITIONS).then()
                    .statusCode(201).body("status", is("DRAFT")).body("sections.size()", is(6))
                    .body("sections[5].key", is("working-methods"));
        } finally {
            events.close();
        }
    }

    @Test
    void boundsAndRulesAreProblemsThatChangeNothing() {
        List<Map<String, String>> twice = new ArrayList<>(vademecumSections("twice"));
        twice.add(twice.get(0));
        office().contentType(ContentType.JSON).body(json("sections", twice)).post(EDITIONS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("appears twice"));
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("key", "s" + i, "title", "T", "text", "X"));
        }
        office().contentType(ContentType.JSON).body(json("sections", many)).post(EDITIONS)
                .then().statusCode(400).contentType(PROBLEM);
        for (Map<String, String> bad : List.of(Map.of("key", "Rules", "title", "T", "text", "X"),
                Map.of("key", "rules", "title", "T".repeat(301), "text", "X"),
                Map.of("key", "rules", "title", "T", "text", " "),
                Map.of("key", "rules", "title", "T", "text", "X".repeat(50_001)))) {
            office().contentType(ContentType.JSON).body(json("sections", List.of(bad))).post(EDITIONS)
                    .then().statusCode(400).contentType(PROBLEM);
        }
        office().contentType(ContentType.JSON).body(json("changeNote", "N".repeat(2001))).post(EDITIONS)
                .then().statusCode(400).contentType(PROBLEM);
        office().queryParam("limit", 0).get(EDITIONS).then().statusCode(400).contentType(PROBLEM);
        office().get(EDITIONS + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);

        // an edition is published only with every required section
        List<Map<String, String>> without = new ArrayList<>(vademecumSections("incomplete"));
        without.removeIf(s -> s.get("key").equals("without-prejudice"));
        UUID id = draftEdition();
        office().contentType(ContentType.JSON).body(json("sections", without)).put(EDITIONS + "/" + id)
                .then().statusCode(200);
        office().post(EDITIONS + "/" + id + "/publication").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("without-prejudice"));
        office().get(EDITIONS + "/" + id).then().statusCode(200).body("status", is("DRAFT"))
                .body("number", nullValue());
    }

    private static JsonNode participant(JsonNode edition, UUID organisation) {
        for (JsonNode participant : edition.get("participants")) {
            if (participant.get("organisationId").asText().equals(organisation.toString())) {
                return participant;
            }
        }
        return null;
    }

    private static List<String> ids(List<Object> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    private static String account() {
        return "vm-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
