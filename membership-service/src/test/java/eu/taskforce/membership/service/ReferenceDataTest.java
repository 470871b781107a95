package eu.taskforce.membership.service;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.membership.TestSupport;
import eu.taskforce.membership.TestSupport.Events;
import eu.taskforce.membership.domain.ReferenceDataset;
import eu.taskforce.membership.domain.Signatory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static eu.taskforce.membership.TestSupport.A;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.audit;
import static eu.taskforce.membership.TestSupport.events;
import static eu.taskforce.membership.TestSupport.freshSignatory;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The reference list of signatories is in the database once, with its source, however often the service starts. */
@QuarkusTest
class ReferenceDataTest {

    @Inject
    ReferenceData referenceData;

    @Test
    void theTwentyEightSignatoriesOfTheListExistWithTheirSource() throws IOException {
        JsonNode list = referenceList();
        assertThat(list.get("signatories")).hasSize(28);
        for (JsonNode entry : list.get("signatories")) {
            var signatory = office().get(SIGNATORIES + "/" + entry.get("id").asText()).then().statusCode(200)
                    .extract().jsonPath();
            String name = entry.get("name").asText();
            assertThat(signatory.getString("name")).isEqualTo(name);
            assertThat(signatory.getString("country")).isEqualTo(entry.get("country").textValue());
            assertThat(signatory.getList("chapters", String.class))
                    .containsExactlyInAnyOrderElementsOf(texts(entry.get("chapters")));
            assertThat(signatory.getString("signedOn")).isEqualTo(entry.get("signedOn").asText());
            assertThat(signatory.getString("source")).isEqualTo(list.get("source").asText()).contains("European Commission");
            assertThat(office().queryParam("name", name).queryParam("limit", 500).get(SIGNATORIES).jsonPath()
                    .getList("items.name", String.class)).filteredOn(name::equalsIgnoreCase).as(name).hasSize(1);
            assertThat(audit(UUID.fromString(entry.get("id").asText())))
                    .filteredOn(e -> "SIGNATORY_REGISTERED".equals(e.get("action"))).as(name)
                    .singleElement().satisfies(e -> assertThat(e).containsEntry("subject", "system:reference-data"));
        }
        office().get(SIGNATORIES + "/" + A).then().statusCode(200)
                .body("name", equalTo("Mistral AI"));
        office().get(SIGNATORIES + "/e592c0f2-a739-57bf-9419-66e605363462").then().statusCode(200)
                .body("name", equalTo("xAI"))
                .body("chapters", equalTo(List.of("SAFETY_AND_SECURITY")));
    }

    @Test
    void loadingAgainAddsNothingAndPublishesNothing() throws IOException {
        JsonNode list = referenceList();
        Set<String> referenceIds = Set.copyOf(texts(list.findValues("id")));
        long signatories = count();

        try (Events events = events()) {
            referenceData.onStart(new StartupEvent());
            // as if the dataset's row were lost: the loader claims it again, and still registers nobody twice
            QuarkusTransaction.requiringNew().run(() -> ReferenceDataset.deleteById(list.get("dataset").asText()));
            referenceData.onStart(new StartupEvent());

            assertThat(count()).isEqualTo(signatories);
            // the relay publishes in the order of the outbox: once a later event is out, an earlier one would be too
            UUID later = freshSignatory();
            events.waitFor(later, 1);
            assertThat(events.all()).filteredOn(r -> referenceIds.contains(r.key()))
                    .noneMatch(r -> EventTypes.SIGNATORY_REGISTERED.type().equals(type(r)));
        }

        List<ReferenceDataset> datasets = QuarkusTransaction.requiringNew().call(referenceData::loaded);
        assertThat(datasets).filteredOn(d -> d.name.equals(list.get("dataset").asText())).singleElement()
                .satisfies(d -> {
                    assertThat(d.version).isEqualTo(list.get("version").asText());
                    assertThat(d.source).isEqualTo(list.get("source").asText());
                });
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Signatory.count());
    }

    private static JsonNode referenceList() throws IOException {
        try (InputStream in = ReferenceDataTest.class.getClassLoader().getResourceAsStream(ReferenceData.SIGNATORIES)) {
            return TestSupport.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        return StreamSupport.stream(nodes.spliterator(), false).map(JsonNode::asText).toList();
    }
}
