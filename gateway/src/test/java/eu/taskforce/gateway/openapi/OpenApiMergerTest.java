package eu.taskforce.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(mapper);

    @Test
    void componentThatPointsToARenamedOneIsRenamedToo() throws Exception {
        // Page has the same text in both, but the second one's Item is another Item
        JsonNode first = document("/api/v1/a", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        JsonNode second = document("/api/v1/b", "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"integer\"}}}");

        ObjectNode merged = merger.merge(List.of(
                new OpenApiMerger.Source("a", "/api/v1/a", true, first, "ok"),
                new OpenApiMerger.Source("b", "/api/v1/b", true, second, "ok")), "API", "http://gateway");

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.has("Item")).isTrue();
        assertThat(schemas.has("BItem")).isTrue();
        assertThat(schemas.path("BPage").path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/BItem");
        assertThat(merged.at("/paths/~1api~1v1~1b~1items/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/BPage");
        assertThat(merged.at("/paths/~1api~1v1~1a~1items/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Page");
    }

    @Test
    void missingServiceIsReportedAndTheRestStillMerges() throws Exception {
        ObjectNode merged = merger.merge(List.of(
                new OpenApiMerger.Source("a", "/api/v1/a", true, document("/api/v1/a", "{\"type\":\"string\"}"), "ok"),
                new OpenApiMerger.Source("b", "/api/v1/b", false, null, "unavailable: connection refused")),
                "API", "http://gateway");
        assertThat(merged.path("info").path("x-taskforce-sources").path("b").asText()).startsWith("unavailable");
        assertThat(merged.path("info").path("description").asText())
                .contains("merged from the documents of a.").contains("Not available now: b.");
        assertThat(merged.path("paths").has("/api/v1/a/items")).isTrue();
        // the gateway's own answers refer to a Problem schema, which exists even if no service had one
        assertThat(merged.path("components").path("schemas").has("Problem")).isTrue();
    }

    private JsonNode document(String prefix, String item) throws Exception {
        return mapper.readTree("""
                {"openapi":"3.1.0","info":{"title":"x","version":"1"},
                 "paths":{"%s/items":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                 "components":{"schemas":{
                   "Page":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}},
                   "Item":%s}}}
                """.formatted(prefix, item));
    }
}
