package eu.taskforce.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.contracts.reference.CodeOfPractice;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    @Test
    void codeOfPracticeHasTheChaptersCommitmentsAndMeasuresOfTheText() {
        CodeOfPractice code = CodeOfPractice.current();
        assertThat(code.chapters()).extracting(CodeOfPractice.ChapterText::id)
                .containsExactly(Chapter.TRANSPARENCY, Chapter.COPYRIGHT, Chapter.SAFETY_AND_SECURITY);
        assertThat(code.commitments()).hasSize(12);
        assertThat(code.measures()).hasSize(40);
        assertThat(code.measure("SAFETY_AND_SECURITY-3.2")).get()
                .extracting(CodeOfPractice.Measure::title).isEqualTo("Model evaluations");
        assertThat(code.isKnownReference("COPYRIGHT-1")).isTrue();
        assertThat(code.isKnownReference("COPYRIGHT-1.6")).isFalse();
        assertThat(code.isKnownReference("SAFETY_AND_SECURITY-11")).isFalse();
        assertThat(code.isKnownReference(null)).isFalse();
    }

    @Test
    void everyEventTypeHasASchemaThatRequiresOnlyFieldsOfItsRecordAndIsInTheAsyncApiDocument() throws Exception {
        String asyncApi = new String(resource("asyncapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Set<String> types = new HashSet<>();
        for (EventType<?> type : EventTypes.ALL) {
            assertThat(types.add(type.type())).as("unique type %s", type.type()).isTrue();
            assertThat(type.type()).startsWith(CloudEvents.TYPE_PREFIX).matches(".*\\.v[0-9]+$");
            JsonNode schema = new ObjectMapper().readTree(resource(type.schemaResource()));
            Set<String> fields = new HashSet<>();
            Arrays.stream(type.payloadClass().getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
            schema.get("required").forEach(r -> assertThat(fields).as(type.type()).contains(r.asText()));
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("schema properties of %s", type.type()).isEqualTo(fields);
            assertThat(schema.get("$id").asText()).isEqualTo(type.dataSchema());
            assertThat(asyncApi).contains("name: " + type.type()).contains(type.schemaResource());
        }
    }

    @Test
    void payloadsRoundTripAsJsonWithIsoDatesAndRejectGarbage() {
        SignatoryRegistered event = new SignatoryRegistered(UUID.randomUUID(), "Example AI", "BE", null,
                EnumSet.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1));
        String json = EventJson.write(event);
        assertThat(json).contains("\"signedOn\":\"2025-08-01\"");
        assertThat(EventJson.read(json, SignatoryRegistered.class)).isEqualTo(event);
        assertThatThrownBy(() -> EventJson.read("{not json", SignatoryRegistered.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InputStream resource(String name) {
        InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
