package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * One OpenAPI document of every service behind the gateway (here: the documents the test upstreams serve), that a
 * generator accepts, and Swagger UI on it.
 */
@QuarkusTest
class OpenApiTest {

    @Test
    void mergedDocumentHasEveryServicesPathsAndNothingTheGatewayDoesNotRoute() {
        JsonPath document = given().get("/q/openapi").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        Map<String, Object> paths = document.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/membership/items", "/api/v1/meetings/items",
                "/api/v1/guidance/items", "/api/v1/public/items");
        assertThat(paths).doesNotContainKey("/q/not-routed");
        assertThat(document.getString("servers[0].url")).startsWith("http://127.0.0.1:");
        assertThat(document.getString("info.x-taskforce-sources.membership")).isEqualTo("ok");
        // a service that is down leaves its paths out, and the document says so
        assertThat(document.getString("info.x-taskforce-sources.test-down")).startsWith("unavailable");
    }

    @Test
    void sameShapeIsKeptOnceAndRealConflictsArePrefixed() {
        JsonPath document = given().get("/api/v1/openapi.json").then().statusCode(200).extract().jsonPath();
        Map<String, Object> schemas = document.getMap("components.schemas");

        // Problem and Page have the same shape everywhere (only their descriptions differ): one of each
        assertThat(schemas.keySet().stream().filter(name -> name.endsWith("Problem"))).containsExactly("Problem");
        // Item differs from service to service: the first (by route name) keeps the name, the others are prefixed
        assertThat(schemas).containsKeys("Item", "MeetingsItem", "MembershipItem", "PublicItem");
        assertThat(document.getString("components.schemas.Item.properties.guidanceField.type")).isEqualTo("string");
        assertThat(document.getString("components.schemas.MembershipItem.properties.membershipField.type"))
                .isEqualTo("string");
        // ... and so is every Page that points to a prefixed Item
        assertThat(document.getString("components.schemas.MembershipPage.properties.items.items.$ref"))
                .isEqualTo("#/components/schemas/MembershipItem");
        assertThat(document.getString(
                "paths.'/api/v1/membership/items'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/MembershipPage");
        List<Map<String, String>> renamed = document.getList("info.x-taskforce-renamed-components");
        assertThat(renamed).contains(Map.of("service", "membership", "section", "schemas", "name", "Item",
                "renamedTo", "MembershipItem"));
        assertThat(renamed).noneMatch(rename -> rename.get("name").equals("Problem"));

        // operationIds stay unique
        assertThat(document.getString("paths.'/api/v1/guidance/items'.get.operationId")).isEqualTo("listItems");
        assertThat(document.getString("paths.'/api/v1/membership/items'.get.operationId"))
                .isEqualTo("membership_listItems");
    }

    @Test
    void operationsDocumentTheGatewaysOwnAnswersAndTheirSecurity() {
        JsonPath document = given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String membership = "paths.'/api/v1/membership/items'.get.";
        assertThat(document.getString(membership + "responses.'429'.$ref"))
                .isEqualTo("#/components/responses/GatewayTooManyRequests");
        assertThat(document.getString(membership + "responses.'401'.$ref"))
                .isEqualTo("#/components/responses/GatewayUnauthorized");
        assertThat(document.getString(membership + "responses.'504'.$ref"))
                .isEqualTo("#/components/responses/GatewayGatewayTimeout");
        assertThat(document.getList(membership + "security")).hasSize(1);
        // the public register needs no token
        String open = "paths.'/api/v1/public/items'.get.";
        assertThat(document.getString(open + "responses.'401'")).isNull();
        assertThat(document.getString(open + "security")).isNull();
    }

    @Test
    void generatorAcceptsTheMergedDocument() {
        String json = given().get("/q/openapi").then().statusCode(200).extract().asString();

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/public/items");
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKey("MembershipItem");
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("swagger-ui-bundle.js"));
        given().get("/q/swagger-ui/initializer.js").then().statusCode(200)
                .body(containsString("url: '/q/openapi'"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .body(containsString("SwaggerUIBundle"));
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(302);
        // only the page's own files are served from the webjar
        given().get("/q/swagger-ui/pom.properties").then().statusCode(404).contentType("application/problem+json");
    }
}
