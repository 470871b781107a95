package eu.taskforce.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * A service's OpenAPI document, as integrators generate their clients from it, and what each of its operations must
 * document: a summary, a success response, its errors as problem+json, and 401 and 403 unless it is public (a public
 * operation documents neither, nor a security requirement); and the document holds the {@code Problem} schema.
 */
public final class OpenApiDocument {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** The document, the operations counted and every defect found, as {@code "GET /path: what is missing"}. */
    public record Review(JsonNode document, int operations, List<String> defects) {
    }

    private OpenApiDocument() {
    }

    /**
     * Reviews the document the service under test serves at {@code /q/openapi}; {@code publicOperations} names the
     * operations called without a token ({@code "GET /path"}).
     */
    public static Review reviewServed(Set<String> publicOperations) throws IOException {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> defects = new ArrayList<>();
        if (!document.path("components").path("schemas").has("Problem")) {
            defects.add("no Problem schema");
        }
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
                if (publicOperations.contains(where)) {
                    if (responses.has("401") || responses.has("403") || spec.has("security")) {
                        defects.add(where + ": public, yet documents authentication");
                    }
                } else if (!responses.has("401") || !responses.has("403")) {
                    defects.add(where + ": 401 or 403 undocumented");
                }
                if (!hasSuccess(responses)) {
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
        return new Review(document, operations, defects);
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
