package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 17: a service with two instances (two real HTTP servers, as two instances of a service would be). Requests
 * are spread over both; when one stops, every read and keyed write still succeeds on the other (sent there at once
 * when the stopped one refuses the connection, and the readiness probe then leaves it out); once it is back, it gets
 * requests again.
 */
@QuarkusTest
class BalancingTest {

    static final String PREFIX = "/api/v1/test-pair";

    @Inject
    Vertx vertx;

    @Test
    void requestsSpreadOverBothInstancesAndAvoidOneThatIsDown() {
        int[] ports = ports();
        HttpServer first = EchoUpstream.start(vertx, ports[0], EchoUpstream.echo(vertx, "first", PREFIX, true));
        HttpServer second = EchoUpstream.start(vertx, ports[1], EchoUpstream.echo(vertx, "second", PREFIX, true));
        try {
            awaitReadiness("UP (2 of 2 instances ready)");
            Map<String, Long> served = served(20);
            assertThat(served).as("round-robin over both").containsOnlyKeys("first", "second");
            assertThat(served.values()).allSatisfy(count -> assertThat(count).isBetween(5L, 15L));

            EchoUpstream.stop(first);
            // before the probe notices too: a refused connection sends the request to the other instance
            assertThat(served(10)).isEqualTo(Map.of("second", 10L));
            given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"name\":\"keyed\"}").post(PREFIX + "/items")
                    .then().statusCode(200).body("service", equalTo("second"));
            awaitReadiness("UP (1 of 2 instances ready)");
            assertThat(served(10)).isEqualTo(Map.of("second", 10L));

            first = EchoUpstream.start(vertx, ports[0], EchoUpstream.echo(vertx, "first", PREFIX, true));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> served(4).containsKey("first"));
        } finally {
            EchoUpstream.stop(first);
            EchoUpstream.stop(second);
        }
    }

    /** Which instance answered {@code count} reads, each one a 200. */
    private static Map<String, Long> served(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> given().get(PREFIX + "/items").then().statusCode(200).extract().path("service")
                        .toString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static void awaitReadiness(String state) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String pair = given().get("/q/health/ready").then().extract()
                    .path("checks.find { it.name == 'upstreams' }.data.test-pair");
            return pair != null && pair.startsWith(state);
        });
    }

    private static int[] ports() {
        return Arrays.stream(ConfigProvider.getConfig()
                        .getValue("taskforce.gateway.routes.test-pair.upstream", String.class).split(","))
                .mapToInt(uri -> URI.create(uri.trim()).getPort()).toArray();
    }
}
