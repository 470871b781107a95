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
                new OpenApiMerger.Source("a", "/api/v1/a", path -> true, first, "ok"),
                new OpenApiMerger.Source("b", "/api/v1/b", path -> true, second, "ok")), "API", "http://gateway");

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
                new OpenApiMerger.Source("a", "/api/v1/a", path -> true, document("/api/v1/a", "{\"type\":\"string\"}"), "ok"),
                new OpenApiMerger.Source("b", "/api/v1/b", path -> false, null, "unavailable: connection refused")),
                "API", "http://gateway");
        assertThat(merged.path("info").path("x-taskforce-sources").path("b").asText()).startsWith("unavailable");
        assertThat(merged.path("info").path("description").asText())
                .contains("merged from the documents of a.").contains("Not available now: b.");
        assertThat(merged.path("paths").has("/api/v1/a/items")).isTrue();
        // the gateway's own answers refer to a Problem schema, which exists even if no service had one
        assertThat(merged.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void onlyTheTokenGuardedOperationsSayThatATokenIsMissing() throws Exception {
        JsonNode guarded = document("/api/v1/a", "{\"type\":\"string\"}");
        ((ObjectNode) guarded.path("paths")).set("/api/v1/a/open.ics", guarded.path("paths").path("/api/v1/a/items").deepCopy());
        ObjectNode merged = merger.merge(List.of(new OpenApiMerger.Source("a", "/api/v1/a",
                path -> path.equals("/api/v1/a/open.ics"), guarded, "ok")), "API", "http://gateway");
        assertThat(merged.at("/paths/~1api~1v1~1a~1items/get/responses").has("401")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1a~1open.ics/get/responses").has("401")).isFalse();
        assertThat(merged.at("/paths/~1api~1v1~1a~1open.ics/get/responses").has("429")).isTrue();
    }

    @Test
    void theHeadersOfTheGatewaysOwnAnswersAreDeclared() throws Exception {
        ObjectNode merged = merger.merge(List.of(new OpenApiMerger.Source("a", "/api/v1/a", path -> false,
                document("/api/v1/a", "{\"type\":\"string\"}"), "ok")), "API", "http://gateway");

        // every routed answer carries the caller's rate limit
        JsonNode ok = merged.at("/paths/~1api~1v1~1a~1items/get/responses/200/headers");
        for (String name : List.of("RateLimit", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset")) {
            assertThat(ok.path(name).path("$ref").asText()).isEqualTo("#/components/headers/" + name);
            assertThat(merged.at("/components/headers/" + name + "/schema/type").asText())
                    .isEqualTo(name.equals("RateLimit") || name.equals("RateLimit-Policy") ? "string" : "integer");
        }
        // when to try again, and the token challenge
        assertThat(merged.at("/components/responses/GatewayTooManyRequests/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(merged.at("/components/responses/GatewayServiceUnavailable/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(merged.at("/components/responses/GatewayUnauthorized/headers/WWW-Authenticate/$ref").asText())
                .isEqualTo("#/components/headers/WWW-Authenticate");
        assertThat(merged.at("/components/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
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
