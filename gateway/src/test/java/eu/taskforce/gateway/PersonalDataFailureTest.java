package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * When one service fails, the composed personal-data routes say so and name it: never a partial export, and an erasure
 * that is not done everywhere is not a 204. Here the fan-out reaches membership and meetings (echo upstreams) and a
 * third service that each test makes fail in its own way; every test ends with that service answering again, so that
 * its circuit never opens.
 */
@QuarkusTest
@TestProfile(PersonalDataFailureTest.WithAFailingService.class)
class PersonalDataFailureTest {

    static final String FAILING = "pd-failing";

    public static class WithAFailingService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "taskforce.gateway.routes." + FAILING + ".prefix", "/api/v1/" + FAILING,
                    "taskforce.gateway.routes." + FAILING + ".upstream", "http://127.0.0.1:" + EchoUpstream.freePort(),
                    "taskforce.gateway.personal-data.routes", "membership,meetings," + FAILING);
        }
    }

    @Inject
    Vertx vertx;

    /** What the third service answers now: a status, or 0 to close the connection without an answer. */
    volatile int status;
    final List<String> calls = new CopyOnWriteArrayList<>();
    HttpServer server;

    @BeforeEach
    void start() {
        status = 200;
        server = EchoUpstream.start(vertx, port(), this::answer);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            EchoUpstream.stop(server);
        }
    }

    private void answer(HttpServerRequest request) {
        calls.add(request.method() + " " + request.path() + " " + request.getHeader("Authorization"));
        request.body().onSuccess(body -> {
            int now = status;
            if (now == 0) {
                request.connection().close();
            } else if (now == 200 && !request.method().name().equals("GET")) {
                request.response().setStatusCode(204).end();
            } else {
                request.response().setStatusCode(now).putHeader("Content-Type", "application/json")
                        .end("{\"secretOfTheThirdService\": \"" + now + "\"}");
            }
        });
    }

    @Test
    void aServiceThatAnswersAnErrorMakesTheExportA502NamingItAndNoPartIsGiven() {
        String token = Tokens.access("member-a");
        status = 500;
        String body = given().auth().oauth2(token).get(PersonalDataTest.MINE).then().statusCode(502)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:taskforce:problem:upstream-failed"))
                .body("failedServices", equalTo(List.of(FAILING)))
                .body("services.membership", equalTo("OK"))
                .body("services." + FAILING, equalTo("FAILED"))
                .extract().asString();
        assertThat(JsonPath.from(body).getString("detail")).contains(FAILING + " answered 500");
        // nothing of any service's answer: neither the failing one's nor the others'
        assertThat(body).doesNotContain("secretOfTheThirdService").doesNotContain("\"service\"")
                .doesNotContain(token);
        assertThat(calls).containsExactly("GET /api/v1/" + FAILING + "/me/personal-data Bearer " + token);

        status = 200;
        given().auth().oauth2(token).get(PersonalDataTest.MINE).then().statusCode(200)
                .body(FAILING + ".secretOfTheThirdService", equalTo("200"));
    }

    @Test
    void anErasureThatOneServiceCouldNotDoIsNotA204AndARetryCompletesIt() {
        String token = Tokens.access("expert");
        status = 0;
        given().auth().oauth2(token).delete(PersonalDataTest.MINE).then().statusCode(502)
                .contentType(startsWith("application/problem+json"))
                .body("failedServices", equalTo(List.of(FAILING)))
                .body("services.membership", equalTo("OK"))
                .body("services.meetings", equalTo("OK"))
                .body("detail", org.hamcrest.Matchers.containsString(FAILING + " cannot be reached"));

        status = 200;
        given().auth().oauth2(token).delete(PersonalDataTest.MINE).then().statusCode(204);
        assertThat(calls).hasSize(2).allMatch(call -> call.startsWith("DELETE /api/v1/" + FAILING + "/me/personal-data"));
    }

    @Test
    void aServiceThatIsUnavailableMakesTheNamedErasureA503WithRetryAfter() {
        String office = Tokens.access("office");
        status = 503;
        given().auth().oauth2(office).contentType("application/json").body(Map.of("username", "expert"))
                .post(PersonalDataTest.ERASURES).then().statusCode(503).header("Retry-After", "10")
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:taskforce:problem:upstream-unavailable"))
                .body("failedServices", equalTo(List.of(FAILING)));

        status = 200;
        given().auth().oauth2(office).contentType("application/json").body(Map.of("username", "expert"))
                .post(PersonalDataTest.ERASURES).then().statusCode(204);
        assertThat(calls).hasSize(2).allMatch(call -> call.startsWith("POST /api/v1/" + FAILING + "/personal-data/erasures"));
    }

    @Test
    void aStoppedServiceIsA502NamingIt() {
        EchoUpstream.stop(server);
        server = null;
        given().auth().oauth2(Tokens.access("member-b")).get(PersonalDataTest.MINE).then().statusCode(502)
                .body("failedServices", equalTo(List.of(FAILING)));
        server = EchoUpstream.start(vertx, port(), this::answer);
        given().auth().oauth2(Tokens.access("member-b")).get(PersonalDataTest.MINE).then().statusCode(200);
    }

    private static int port() {
        return URI.create(ConfigProvider.getConfig()
                .getValue("taskforce.gateway.routes." + FAILING + ".upstream", String.class)).getPort();
    }
}
