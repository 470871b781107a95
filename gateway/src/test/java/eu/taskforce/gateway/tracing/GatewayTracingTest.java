package eu.taskforce.gateway.tracing;

import eu.taskforce.common.testing.InMemorySpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenTelemetry at the gateway: the caller's trace continues in the gateway's server span, the call to the service is
 * a client span below it, and the service gets one traceparent: the client span's.
 */
@QuarkusTest
class GatewayTracingTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    @Test
    void theServiceSpanHangsBelowTheGatewaysClientSpanInTheCallersTrace() {
        Response response = given().header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .get("/api/v1/public/participants")
                .then().statusCode(200).extract().response();

        // one header (the echo joins repeated ones with ", "), in the caller's trace, naming the gateway's client span
        String forwarded = response.jsonPath().getString("headers.traceparent");
        assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        String clientSpanId = forwarded.split("-")[2];

        await().atMost(Duration.ofSeconds(5)).until(() -> InMemorySpans.ofTrace(TRACE_ID).stream()
                .anyMatch(span -> span.getKind() == SpanKind.SERVER));
        List<SpanData> spans = InMemorySpans.ofTrace(TRACE_ID);
        SpanData server = spans.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
        SpanData client = spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(client.getSpanId()).isEqualTo(clientSpanId);
        assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
    }
}
