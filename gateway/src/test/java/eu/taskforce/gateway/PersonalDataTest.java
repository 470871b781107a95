package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The composed personal-data routes against the test upstreams (which echo what they receive): each of membership,
 * meetings, guidance and notifications is asked with the caller's own token, and the gateway answers only for all of them; refused
 * and malformed requests reach no service.
 */
@QuarkusTest
class PersonalDataTest {

    static final String MINE = "/api/v1/me/personal-data";
    static final String ERASURES = "/api/v1/personal-data/erasures";
    static final List<String> SERVICES = List.of("membership", "meetings", "guidance", "notifications");

    @Test
    void theExportHoldsEachServicesAnswerAskedWithTheCallersToken() {
        String token = Tokens.access("member-a");
        JsonPath export = given().auth().oauth2(token).header("X-Request-Id", "export-1").get(MINE)
                .then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .extract().jsonPath();
        assertThat(export.getMap("")).containsOnlyKeys(SERVICES.toArray(String[]::new));
        for (String service : SERVICES) {
            String prefix = service.equals("meetings") ? "/api/v1/meetings" : "/api/v1/" + service;
            assertThat(export.getString(service + ".service")).isEqualTo(service);
            assertThat(export.getString(service + ".method")).isEqualTo("GET");
            assertThat(export.getString(service + ".path")).isEqualTo(prefix + "/me/personal-data");
            assertThat(export.getString(service + ".headers.authorization")).isEqualTo("Bearer " + token);
            assertThat(export.getString(service + ".headers.x-request-id")).isEqualTo("export-1");
            assertThat(export.getString(service + ".headers.traceparent")).startsWith("00-");
        }
    }

    @Test
    void theCallersErasureIsAskedOfEveryServiceAndIsA204() {
        given().auth().oauth2(Tokens.access("expert")).delete(MINE).then().statusCode(204);
    }

    @Test
    void theAiOfficeErasesANamedAccountEverywhere() {
        given().auth().oauth2(Tokens.access("office")).contentType("application/json")
                .body(Map.of("username", "Expert.One@example-1")).post(ERASURES).then().statusCode(204);
    }

    @Test
    void withoutATokenNothingIsAskedAndTheAnswerIs401() {
        for (Response response : List.of(given().get(MINE), given().delete(MINE),
                given().contentType("application/json").body(Map.of("username", "expert")).post(ERASURES))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void onlyTheAiOfficeErasesANamedAccount() {
        for (String user : List.of("member-a", "member-b", "expert")) {
            given().auth().oauth2(Tokens.access(user)).contentType("application/json")
                    .body(Map.of("username", "office")).post(ERASURES)
                    .then().statusCode(403).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:taskforce:problem:forbidden"))
                    .body("detail", equalTo("Only the AI Office erases the personal data of a named account; erase"
                            + " your own with DELETE /api/v1/me/personal-data"));
        }
    }

    @Test
    void aBadErasureBodyIsAProblemBeforeAnyServiceIsAsked() {
        String office = Tokens.access("office");
        for (String body : List.of("{}", "{\"username\": \"\"}", "{\"username\": \"two words\"}",
                "{\"username\": 42}", "{\"username\": \"" + "a".repeat(101) + "\"}")) {
            given().auth().oauth2(office).contentType("application/json").body(body).post(ERASURES)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("username"));
        }
        for (String body : List.of("[\"expert\"]", "{\"username\": ", "")) {
            given().auth().oauth2(office).contentType("application/json").body(body).post(ERASURES)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
        }
        given().auth().oauth2(office).contentType("application/json")
                .body("{\"username\": \"" + "a".repeat(2000) + "\"}").post(ERASURES)
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void otherMethodsAreA405() {
        given().auth().oauth2(Tokens.access("member-a")).contentType("application/json").body("{}").put(MINE)
                .then().statusCode(405).header("Allow", "GET, DELETE").contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.access("office")).get(ERASURES)
                .then().statusCode(405).header("Allow", "POST").contentType(startsWith("application/problem+json"));
    }

    @Test
    void theMergedDocumentHasTheComposedOperationsAndStillParsesCleanly() {
        String json = given().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonPath document = JsonPath.from(json);
        String mine = "paths.'" + MINE + "'.";
        assertThat(document.getString(mine + "get.summary")).isNotBlank();
        assertThat(document.getMap(mine + "get.responses.'200'.content.'application/json'.schema.properties"))
                .containsOnlyKeys(SERVICES.toArray(String[]::new));
        assertThat(document.getMap(mine + "get.responses")).containsKeys("200", "401", "429", "502", "503");
        assertThat(document.getMap(mine + "delete.responses")).containsKeys("204", "401", "502", "503");
        String erasure = "paths.'" + ERASURES + "'.post.";
        assertThat(document.getInt(erasure + "requestBody.content.'application/json'.schema.properties.username.maxLength"))
                .isEqualTo(100);
        assertThat(document.getMap(erasure + "responses")).containsKeys("204", "400", "401", "403", "413", "502");
        assertThat(document.getList(erasure + "security")).isNotEmpty();

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKeys(MINE, ERASURES);
    }
}
