package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: one trace from the request to the register entry. The stack exports its spans to
 * TASKFORCE_OTLP_ENDPOINT (./taskforce test sets http://127.0.0.1:4318 for its stack); this test is the collector on
 * that address. Creating a signatory through the gateway yields one trace with the gateway's spans, membership-service's
 * request, its outbox publish, and transparency-service applying the event, each a child of the one before.
 */
class TraceIT {

    private static final int SERVER = 2;
    private static final int CLIENT = 3;
    private static final int PRODUCER = 4;
    private static final int CONSUMER = 5;

    @Test
    void creatingASignatoryIsOneTraceFromTheGatewayToTheRegister() throws IOException {
        String endpoint = System.getProperty("taskforce.otlp.endpoint", "");
        assertThat(endpoint).as("./taskforce test has the stack export its spans to this machine "
                + "(TASKFORCE_OTLP_ENDPOINT)").startsWith("http://127.0.0.1:");
        try (OtlpReceiver collector = new OtlpReceiver(URI.create(endpoint).getPort())) {
            String trace = UUID.randomUUID().toString().replace("-", "");
            String callerSpan = trace.substring(0, 16);
            String body = "{\"name\":\"Traced AI " + UUID.randomUUID() + "\",\"country\":\"BE\","
                    + "\"chapters\":[\"TRANSPARENCY\"],\"signedOn\":\"2025-08-01\"}";
            RestAssured.given().auth().oauth2(token("office")).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + trace + "-" + callerSpan + "-01").body(body)
                    .post(GATEWAY + "/api/v1/membership/signatories").then().statusCode(201);

            // the processes export in batches (every 5 s)
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<OtlpReceiver.ReceivedSpan> spans = collector.spans().stream()
                        .filter(span -> span.traceId().equals(trace)).toList();
                OtlpReceiver.ReceivedSpan gateway = one(spans, "gateway", SERVER);
                assertThat(gateway.parentSpanId()).isEqualTo(callerSpan);
                OtlpReceiver.ReceivedSpan toService = one(spans, "gateway", CLIENT);
                assertThat(toService.parentSpanId()).isEqualTo(gateway.spanId());
                OtlpReceiver.ReceivedSpan membership = one(spans, "membership-service", SERVER);
                assertThat(membership.parentSpanId()).isEqualTo(toService.spanId());
                // the database work of the request: its INSERT is a span below membership-service's request span
                List<String> membershipSpans = spans.stream().filter(span -> span.service().equals("membership-service"))
                        .map(OtlpReceiver.ReceivedSpan::spanId).toList();
                assertThat(spans).as("membership-service's statements in the trace").anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("membership-service");
                    assertThat(span.kind()).isEqualTo(CLIENT);
                    assertThat(span.name()).startsWith("INSERT");
                    assertThat(membershipSpans).contains(span.parentSpanId());
                });
                OtlpReceiver.ReceivedSpan publish = one(spans, "membership-service", PRODUCER);
                assertThat(publish.name()).isEqualTo("taskforce.membership.v1 publish");
                assertThat(spans).extracting(OtlpReceiver.ReceivedSpan::spanId).contains(publish.parentSpanId());
                OtlpReceiver.ReceivedSpan register = one(spans, "transparency-service", CONSUMER);
                assertThat(register.parentSpanId()).isEqualTo(publish.spanId());
                // the membership replicas of the other services continue the same trace
                assertThat(spans).anySatisfy(span -> assertThat(span.service()).isEqualTo("meeting-service"));
            });
        }
    }

    private static OtlpReceiver.ReceivedSpan one(List<OtlpReceiver.ReceivedSpan> spans, String service, int kind) {
        List<OtlpReceiver.ReceivedSpan> found = spans.stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind).toList();
        assertThat(found).as("%s spans of kind %s in %s", service, kind, spans).hasSize(1);
        return found.get(0);
    }
}
