package eu.taskforce.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** Each prefix reaches its own service, with the headers a service needs; nothing else is routed. */
@QuarkusTest
@QuarkusTestResource(value = Upstreams.class, restrictToAnnotatedClass = false)
class RoutingTest {

    @Inject
    Vertx vertx;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/membership/signatories/42, membership",
            "/api/v1/meetings/2025/agenda, meetings",
            "/api/v1/guidance/documents, guidance",
            "/api/v1/public/participants, public",
            "/api/v1/transparency/rebuilds, transparency",
            "/api/v1/notifications/webhooks, notifications"})
    void everyPrefixReachesItsServiceWithPathQueryAndToken(String path, String service) {
        String token = Tokens.access("member-a");
        Response echo = given().auth().oauth2(token)
                .queryParam("limit", 5).queryParam("cursor", "a b")
                .get(path)
                .then().statusCode(200).extract().response();

        assertThat(echo.jsonPath().getString("service")).isEqualTo(service);
        assertThat(echo.jsonPath().getString("path")).isEqualTo(path);
        assertThat(echo.jsonPath().getString("query")).isEqualTo("limit=5&cursor=a%20b");
        // the token is passed on: every service checks it again
        assertThat(echo.jsonPath().getString("headers.authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void publicRouteNeedsNoToken() {
        given().get("/api/v1/public/participants")
                .then().statusCode(200).body("service", equalTo("public"));
        // the register's administration lives on the same service but is not public
        given().post("/api/v1/transparency/rebuilds").then().statusCode(401);
    }

    @Test
    void calendarClientsReachTheirFeedsWithoutATokenAndNothingElseBesideThem() {
        given().get("/api/v1/meetings/calendar/public.ics").then().statusCode(200).body("service", equalTo("meetings"));
        given().get("/api/v1/meetings/calendar/personal/k3y").then().statusCode(200)
                .body("path", equalTo("/api/v1/meetings/calendar/personal/k3y"));
        given().get("/api/v1/meetings/calendar/feeds").then().statusCode(401);
        given().get("/api/v1/meetings/calendar/public.ics2").then().statusCode(401);
        given().get("/api/v1/meetings/calendar/personal").then().statusCode(401);
        given().get("/api/v1/meetings/calendar/personal/../feeds").then().statusCode(401);
        given().get("/api/v1/meetings").then().statusCode(401);
    }

    @Test
    void theUnsubscribeLinksOfTheEmailsNeedNoTokenAndNothingElseOfTheNotificationsRoute() {
        given().get("/api/v1/notifications/unsubscribe?token=t0k3n").then().statusCode(200)
                .body("service", equalTo("notifications"));
        given().post("/api/v1/notifications/unsubscribe?token=t0k3n").then().statusCode(200)
                .body("service", equalTo("notifications"));
        given().get("/api/v1/notifications/preferences").then().statusCode(401);
        given().get("/api/v1/notifications/unsubscribe/../preferences").then().statusCode(401);
    }

    @Test
    void bodiesAndMethodsPassThrough() {
        given().auth().oauth2(Tokens.access("office"))
                .contentType("application/json").body("{\"name\":\"Example AI\"}")
                .put("/api/v1/membership/signatories/42")
                .then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("bodyLength", equalTo(21))
                .body("headers.content-type", equalTo("application/json"));
    }

    @Test
    void serviceLearnsTheAddressTheClientUsed() {
        Response echo = given().header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.6")
                .get("/api/v1/public/participants")
                .then().statusCode(200).extract().response();

        assertThat(echo.jsonPath().getString("headers.x-forwarded-host")).startsWith("127.0.0.1:");
        assertThat(echo.jsonPath().getString("headers.x-forwarded-proto")).isEqualTo("http");
        // what the client claims about earlier hops is dropped: the gateway is the edge
        assertThat(echo.jsonPath().getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(echo.jsonPath().getString("headers.forwarded")).isNull();
    }

    /**
     * Generated clients (OpenAPI Generator's Java native library, curl --http2-prior-knowledge) talk HTTP/2, whose
     * requests carry no Host header but an :authority: the service must learn host and port either way, or its
     * Location and Link headers lose the port.
     */
    @ParameterizedTest
    @EnumSource(value = HttpVersion.class, names = {"HTTP_1_1", "HTTP_2"})
    void serviceLearnsTheClientsAuthorityOverHttp1AndHttp2(HttpVersion version) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(version)
                // HTTP/2 with prior knowledge, as curl --http2-prior-knowledge: no HTTP/1.1 Upgrade request first
                .setHttp2ClearTextUpgrade(false));
        try {
            JsonObject echo = client.request(HttpMethod.GET, RestAssured.port, "127.0.0.1", "/api/v1/public/participants")
                    .compose(request -> request.send())
                    .compose(response -> {
                        assertThat(response.version()).isEqualTo(version);
                        assertThat(response.statusCode()).isEqualTo(200);
                        return response.body();
                    })
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toJsonObject();

            JsonObject headers = echo.getJsonObject("headers");
            assertThat(headers.getString("x-forwarded-host")).isEqualTo("127.0.0.1:" + RestAssured.port);
            assertThat(headers.getString("x-forwarded-proto")).isEqualTo("http");
        } finally {
            client.close();
        }
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndForwarding() {
        // a public path that climbs into the membership prefix is a membership path: it needs a token
        given().get("/api/v1/public/../membership/signatories")
                .then().statusCode(401);
        given().urlEncodingEnabled(false).auth().oauth2(Tokens.access("office"))
                .get("/api/v1/public/%2e%2e/membership/signatories")
                .then().statusCode(200)
                .body("service", equalTo("membership"))
                .body("path", equalTo("/api/v1/membership/signatories"));
    }

    @Test
    void pathsOutsideEveryPrefixAreProblems() {
        given().get("/api/v2/anything")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v2/anything"));
        // a prefix must match a whole segment
        given().get("/api/v1/publicity")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersOnce() {
        Response response = given().get("/api/v1/public/participants")
                .then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Strict-Transport-Security", matchesPattern("max-age=\\d+; includeSubDomains"))
                .extract().response();
        // the service sent nosniff too: one copy only
        assertThat(response.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");

        given().get("/api/v2/anything").then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
    }
}
