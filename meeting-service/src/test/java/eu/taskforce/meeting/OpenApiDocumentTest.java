package eu.taskforce.meeting;

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
 * The OpenAPI document is what integrators generate their clients from: every operation is summarised, documents
 * its errors with the problem+json body, and every secured operation documents 401 and 403.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Operations that calendar clients call without OAuth: no 401 or 403 to document. */
    static final Set<String> PUBLIC = Set.of("GET /api/v1/meetings/calendar/public.ics",
            "GET /api/v1/meetings/calendar/personal/{token}");
    static final int OPERATIONS = 41;

    @Test
    void everyOperationIsSummarisedAndDocumentsItsErrorsAsProblems() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (var path = document.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
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
                if (PUBLIC.contains(where)) {
                    if (responses.has("401") || responses.has("403") || spec.has("security")) {
                        defects.add(where + ": public, yet documents authentication");
                    }
                } else if (!responses.has("401") || !responses.has("403")) {
                    defects.add(where + ": 401 or 403 undocumented");
                }
                if (!responses.fieldNames().hasNext() || !hasSuccess(responses)) {
                    defects.add(where + ": no success response");
                }
                responses.fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        if (!response.getValue().path("content").has("application/problem+json")) {
                            defects.add(where + " " + response.getKey() + ": not documented as problem+json");
                        }
                    }
                });
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(OPERATIONS);
        assertThat(defects).isEmpty();
        assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
    }

    private static boolean hasSuccess(JsonNode responses) {
        for (var names = responses.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }
}
