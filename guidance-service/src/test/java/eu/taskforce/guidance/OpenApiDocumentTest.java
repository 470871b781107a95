package eu.taskforce.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what integrators generate their clients from: every operation is summarised, documents its
 * errors with the problem+json body and 401 and 403 (nothing here is public), and the enumerations are listed.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    static final int OPERATIONS = 32; // 29 + personal data: export, erasure, erasure by name

    @Test
    void everyOperationIsSummarisedAndDocumentsItsErrorsAsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (var path = document.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            assertThat(entry.getKey()).startsWith("/api/v1/guidance/");
            for (var op = entry.getValue().fields(); op.hasNext(); ) {
                var operation = op.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String where = operation.getKey().toUpperCase() + " " + entry.getKey();
                JsonNode spec = operation.getValue();
                if (spec.path("summary").asText().isBlank()) {
                    defects.add(where + ": no summary");
                }
                JsonNode responses = spec.path("responses");
                if (!responses.has("401") || !responses.has("403")) {
                    defects.add(where + ": 401 or 403 undocumented");
                }
                boolean success = false;
                for (var names = responses.fieldNames(); names.hasNext(); ) {
                    success |= names.next().startsWith("2");
                }
                if (!success) {
                    defects.add(where + ": no success response");
                }
                responses.fields().forEachRemaining(response -> {
                    if ((response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                            && !response.getValue().path("content").has("application/problem+json")) {
                        defects.add(where + " " + response.getKey() + ": not documented as problem+json");
                    }
                });
            }
        }
        assertThat(operations).isEqualTo(OPERATIONS);
        assertThat(defects).isEmpty();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.path("Disposition").path("enum").toString())
                .contains("ACCEPTED", "PARTIALLY_ACCEPTED", "NOT_TAKEN_UP", "OUT_OF_SCOPE");
        assertThat(schemas.path("Visibility").path("enum").toString()).contains("PUBLIC", "CONFIDENTIAL");
        assertThat(schemas.path("GuidanceKind").path("enum").toString()).contains("QUESTIONS_AND_ANSWERS");
    }
}
