package eu.taskforce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged document that clients are generated from (the one the gateway serves; system-tests' OpenApiDocumentIT
 * checks that they are the same) holds what a generator needs to make a client that works the first time.
 */
class ApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper().readTree(new File(System.getProperty("api.document", "../taskforce-api.json")));
    }

    @Test
    void everyOperationHasAUniqueOperationIdADescriptionAndARealSchemaForItsJsonAnswers() {
        List<String> defects = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            String id = operation.path("operationId").asText();
            if (id.isBlank()) {
                defects.add(where + ": no operationId");
            } else if (operationIds.putIfAbsent(id, where) != null) {
                defects.add(where + ": operationId " + id + " is also " + operationIds.get(id) + "'s");
            }
            if (operation.path("description").asText().isBlank()) {
                defects.add(where + ": no description");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    response.getValue().path("content").fields().forEachRemaining(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        if (media.getKey().contains("json") && (schema.isMissingNode() || schema.isEmpty())) {
                            defects.add(where + " " + response.getKey() + ": empty schema for " + media.getKey());
                        }
                    });
                }
            });
        }));
        assertThat(defects).isEmpty();
        assertThat(operationIds).hasSizeGreaterThanOrEqualTo(160)
                .containsEntry("listSignatories", "GET /api/v1/membership/signatories")
                .containsEntry("getMeeting", "GET /api/v1/meetings/{id}")
                .containsEntry("listPublicSignatories", "GET /api/v1/public/signatories")
                .containsEntry("getMembershipAuditTrail", "GET /api/v1/membership/audit")
                .containsEntry("getMeetingsAuditTrail", "GET /api/v1/meetings/audit");
    }

    @Test
    void listsAnswerTypedPagesWhoseLastPageHasANullCursor() {
        JsonNode page = schema(operation("/api/v1/membership/signatories", "get").at("/responses/200/content/application~1json/schema"));
        assertThat(page.at("/properties/items/items/$ref").asText()).isEqualTo("#/components/schemas/Signatory");
        assertThat(page.path("required").toString()).isEqualTo("[\"items\"]");
        assertThat(page.at("/properties/nextCursor/type").toString()).isEqualTo("[\"string\",\"null\"]");
    }

    @Test
    void propertiesTheServerMaySendAsNullAreNullable() {
        JsonNode signatory = document.at("/components/schemas/Signatory/properties");
        assertThat(signatory.at("/country/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(signatory.at("/website/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(signatory.at("/source/type").toString()).isEqualTo("[\"string\",\"null\"]");
        // a reference cannot take another type: either the date or null
        assertThat(signatory.at("/withdrawnOn/anyOf/0/$ref").asText()).isEqualTo("#/components/schemas/LocalDate");
        assertThat(signatory.at("/withdrawnOn/anyOf/1/type").asText()).isEqualTo("null");
        JsonNode published = document.at("/components/schemas/PublicSignatory/properties");
        assertThat(published.at("/country/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(published.at("/withdrawnOn/anyOf/1/type").asText()).isEqualTo("null");
    }

    @Test
    void theResponseHeadersThatClientsRelyOnAreDeclared() {
        assertThat(headers(operation("/api/v1/membership/signatories/{id}", "get"), "200")).contains("ETag");
        assertThat(headers(operation("/api/v1/membership/signatories/{id}", "put"), "200")).contains("ETag");
        assertThat(headers(operation("/api/v1/membership/signatories", "get"), "200")).contains("Link");
        assertThat(headers(operation("/api/v1/membership/signatories", "post"), "201"))
                .contains("Location", "Idempotent-Replayed");
        assertThat(headers(operation("/api/v1/public/participants", "get"), "200"))
                .contains("Link", "ETag", "RateLimit", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining",
                        "RateLimit-Reset");
        assertThat(document.at("/components/responses/GatewayTooManyRequests/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(document.at("/components/responses/GatewayServiceUnavailable/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/Retry-After");
        for (String header : List.of("ETag", "Link", "Location", "Idempotent-Replayed", "RateLimit", "Retry-After")) {
            assertThat(document.at("/components/headers/" + header + "/schema/type").isTextual()).as(header).isTrue();
        }
    }

    private static JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path).isTrue();
        return operation;
    }

    private static JsonNode schema(JsonNode maybeRef) {
        String ref = maybeRef.path("$ref").asText();
        return ref.isEmpty() ? maybeRef : document.at(ref.substring(1));
    }

    private static List<String> headers(JsonNode operation, String status) {
        List<String> names = new ArrayList<>();
        operation.path("responses").path(status).path("headers").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
