package eu.taskforce.platform.tracing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The gateway's request id and the OpenTelemetry trace and span (continued from the gateway's traceparent) reach the
 * service's log lines, on the thread that runs the resource.
 */
@QuarkusTest
class RequestIdsInLogLinesTest {

    static final String PROBE = "/platform-test/log-context";
    static final String HEX32 = "[0-9a-f]{32}";

    @Test
    void theGatewaysRequestIdAndTraceNameTheLogLines() {
        given().header("X-Request-Id", "req-1234")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get(PROBE)
                .then().statusCode(200)
                .header("X-Request-Id", "req-1234")
                .body("requestId", equalTo("req-1234"))
                .body("traceId", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"))
                // the service's own span, not the gateway's
                .body("spanId", not(equalTo("00f067aa0ba902b7")));
    }

    @Test
    void aRequestWithoutIdsGetsIdsOfItsOwnAndAnInsaneIdIsReplaced() {
        Response plain = given().get(PROBE);
        plain.then().statusCode(200);
        assertThat(plain.jsonPath().getString("traceId")).matches(HEX32);
        assertThat(plain.jsonPath().getString("spanId")).matches("[0-9a-f]{16}");
        assertThat(plain.header("X-Request-Id")).matches("[0-9a-f-]{36}").isEqualTo(plain.jsonPath().getString("requestId"));

        Response insane = given().header("X-Request-Id", "a b\"<script>").header("traceparent", "garbage").get(PROBE);
        assertThat(insane.jsonPath().getString("requestId")).matches("[0-9a-f-]{36}");
        assertThat(insane.jsonPath().getString("traceId")).matches(HEX32).isNotEqualTo(plain.jsonPath().getString("traceId"));
    }

    @Test
    void idsDoNotLeakFromOneRequestToTheNext() {
        given().header("traceparent", "00-11111111111111111111111111111111-00f067aa0ba902b7-01").get(PROBE)
                .then().body("traceId", equalTo("11111111111111111111111111111111"));
        for (int i = 0; i < 20; i++) {
            given().get(PROBE).then().body("traceId", not(equalTo("11111111111111111111111111111111")));
        }
    }
}
