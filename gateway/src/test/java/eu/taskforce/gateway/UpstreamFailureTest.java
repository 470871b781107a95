package eu.taskforce.gateway;

import eu.taskforce.common.testing.LogRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service that is stopped gives 502, one that stays silent past the route's timeout 504, both as problem+json and
 * at once; after a few failures in a row the circuit opens (503 with Retry-After, the service is not called) and a
 * service that is back closes it again.
 */
@QuarkusTest
class UpstreamFailureTest {

    @Inject
    Vertx vertx;

    @Test
    void stoppedServiceIsABadGateway() {
        HttpServer upstream = EchoUpstream.start(vertx, port("test-down"), EchoUpstream.echo(vertx, "down",
                "/api/v1/test-down", true));
        given().get("/api/v1/test-down/items").then().statusCode(200);
        EchoUpstream.stop(upstream);

        Response response = given().header("X-Request-Id", "down-1").get("/api/v1/test-down/items")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:upstream-unreachable"))
                .body("title", equalTo("Bad gateway"))
                .body("status", equalTo(502))
                .body("detail", equalTo("The test-down service cannot be reached"))
                .body("instance", equalTo("/api/v1/test-down/items"))
                .extract().response();
        assertThat(response.getTimeIn(java.util.concurrent.TimeUnit.MILLISECONDS)).isLessThan(3_000);
    }

    @Test
    void silentServiceIsAGatewayTimeoutAfterTheRoutesTimeout() {
        // the route allows 500 ms; the service would answer after 20 s
        Response response = given().get("/api/v1/test-slow/items?delay=20000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:upstream-timeout"))
                .body("status", equalTo(504))
                .body("detail", equalTo("The test-slow service did not answer in time"))
                .extract().response();
        assertThat(response.getTimeIn(java.util.concurrent.TimeUnit.MILLISECONDS)).isBetween(400L, 5_000L);
        // a service that answers within the timeout is fine
        given().get("/api/v1/test-slow/items?delay=50").then().statusCode(200);
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndClosesWhenTheServiceIsBack() {
        String path = "/api/v1/test-breaker/items";
        for (int i = 0; i < Upstreams.BREAKER_THRESHOLD; i++) {
            given().get(path).then().statusCode(502);
        }
        given().get(path)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:taskforce:problem:upstream-unavailable"))
                .body("status", equalTo(503));

        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> echo = EchoUpstream.echo(vertx, "breaker",
                "/api/v1/test-breaker", true);
        HttpServer upstream = EchoUpstream.start(vertx, port("test-breaker"), request -> {
            calls.incrementAndGet();
            echo.handle(request);
        });
        try {
            // while open the service is not called, even though it is back; after the open time one trial closes it
            given().get(path).then().statusCode(503);
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger(1);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                int status = given().get(path).statusCode();
                if (status == 503) {
                    refused.incrementAndGet();
                }
                assertThat(calls.get()).as("calls to the service after %d answers of the open circuit", refused.get())
                        .isEqualTo(status == 200 ? 1 : 0);
                return status == 200;
            });
            given().get(path).then().statusCode(200).body("service", equalTo("breaker"));
            assertThat(calls.get()).isEqualTo(2);
        } finally {
            EchoUpstream.stop(upstream);
        }
    }

    @Test
    void readIsSentAgainWhenItsConnectionClosesUnderItButAWriteIsNot() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer upstream = EchoUpstream.start(vertx, port("test-down"), request -> {
            // the first attempt of each request meets a connection that closes, as a stale keep-alive one does
            if (attempts.incrementAndGet() % 2 == 1) {
                request.connection().close();
            } else {
                request.response().putHeader("Content-Type", "application/json")
                        .end("{\"attempt\":" + attempts.get() + "}");
            }
        });
        try {
            given().get("/api/v1/test-down/items").then().statusCode(200).body("attempt", equalTo(2));
            given().contentType("application/json").body("{}").post("/api/v1/test-down/items")
                    .then().statusCode(502).body("type", equalTo("urn:taskforce:problem:upstream-unreachable"));
            assertThat(attempts.get()).isEqualTo(3);
        } finally {
            EchoUpstream.stop(upstream);
        }
    }

    @Test
    void logLinesOfARequestCarryItsRequestId() {
        try (LogRecords log = LogRecords.capture()) {
            List<ExtLogRecord> records = log.all();
            given().header("X-Request-Id", "logged-502").get("/api/v1/test-down/items").then().statusCode(502);
            await().atMost(Duration.ofSeconds(5)).until(() -> records.stream()
                    .anyMatch(r -> r.getMessage() != null && r.getFormattedMessage().contains("cannot be reached")));
            ExtLogRecord warning = records.stream()
                    .filter(r -> r.getFormattedMessage().contains("test-down cannot be reached")).findFirst().orElseThrow();
            assertThat(warning.getMdc("requestId")).isEqualTo("logged-502");
            assertThat(warning.getMdc("traceId")).matches("[0-9a-f]{32}");
        }
    }

    private static int port(String route) {
        return URI.create(ConfigProvider.getConfig()
                .getValue("taskforce.gateway.routes." + route + ".upstream", String.class)).getPort();
    }
}
