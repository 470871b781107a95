package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.GuidanceKind;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.contracts.guidance.VersionPublished.Section;
import eu.taskforce.platform.kafka.TopicNames;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.transparency.MeetingRegisterTest.APPLIED_WITHIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Published versions compared in the register, section by section, from the texts that "version published" carries:
 * the same comparison and JSON as guidance-service's; 404 problems for versions the register does not hold (drafts
 * never reach it), a 409 for a version published without its text.
 */
@QuarkusTest
class VersionDiffRegisterTest {

    static final String DOCUMENTS = GuidanceRegisterTest.GUIDANCE + "/documents/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.GUIDANCE)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    @AfterEach
    void close() {
        events.close();
    }

    private void version(UUID document, int number, List<Section> sections, OffsetDateTime at) {
        events.send(UUID.randomUUID().toString(), EventTypes.VERSION_PUBLISHED, document, new VersionPublished(document,
                "Guidelines compared", UUID.randomUUID(), number, "Version " + number, sections, at), at);
    }

    @Test
    void twoPublishedVersionsAreComparedSectionBySection() {
        UUID document = UUID.randomUUID();
        OffsetDateTime base = RegisterEvents.at(30);
        events.send(UUID.randomUUID().toString(), EventTypes.DOCUMENT_PUBLISHED, document, new DocumentProfile(document,
                "Guidelines compared", GuidanceKind.GUIDELINES, List.of("55"), List.of(), null, base, "2025-07-10"), base);
        version(document, 1, List.of(new Section("scope", 1, "Scope", "All providers of models."),
                new Section("old", 2, "Old", "Gone soon."), new Section("same", 3, "Same", "Stays.")), base.plusMinutes(1));
        version(document, 2, List.of(new Section("same", 1, "Same", "Stays."),
                new Section("scope", 2, "Scope", "All providers of general-purpose models."),
                new Section("annex", 3, "Annex", "Fresh text.")), base.plusMinutes(2));
        version(document, 3, List.of(new Section("scope", 1, "Scope")), base.plusMinutes(3)); // without its text
        String diff = DOCUMENTS + document + "/versions/2/diff";
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> given().queryParam("from", 1).get(diff).then().statusCode(200));
        await().atMost(APPLIED_WITHIN).untilAsserted(() -> given().get(DOCUMENTS + document).then().statusCode(200)
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
        assertThat(given().get(DOCUMENTS + document).then().extract().<Object>path("versions[1].sections[0].text")).isNull();

        given().queryParam("from", 1).get(DOCUMENTS + document + "/versions/3/diff").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("without its text"));
        given().queryParam("from", 1).get(DOCUMENTS + document + "/versions/4/diff").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("from", 1).get(DOCUMENTS + UUID.randomUUID() + "/versions/2/diff").then().statusCode(404)
                .contentType("application/problem+json");
        given().get(diff).then().statusCode(400).contentType("application/problem+json");
    }
}
