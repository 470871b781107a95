package eu.taskforce.platform.tracing;

import eu.taskforce.common.testing.InMemorySpans;
import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.inbox.ConsumerTransactions;
import eu.taskforce.platform.testing.KafkaRecords;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a request through the outbox and Kafka to a consumer: the request's span records the event, the
 * relay's publish span is its child and travels as ce_traceparent, and the consumer's span is a child of that.
 */
@QuarkusTest
class TraceAcrossKafkaTest {

    static final String TRACE = "5af7183fb1d4cf5f8ed0c3a9e2f4b6d1";
    static final String CALLER_SPAN = "a1b2c3d4e5f60718";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    ConsumerTransactions transactions;

    @Test
    void theTraceOfTheRequestGoesThroughTheOutboxAndKafkaToTheConsumer() {
        UUID aggregate = UUID.randomUUID();
        String trace = TRACE.substring(0, 8) + aggregate.toString().replace("-", "").substring(8);
        given().header("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-01")
                .post(RequestIdsInLogLinesTest.PROBE + "/events/" + aggregate)
                .then().statusCode(200);

        String topic = topicPrefix + Topics.MEMBERSHIP;
        AtomicReference<ConsumerRecord<String, String>> published = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<ConsumerRecord<String, String>> record = KafkaRecords.readAll(bootstrapServers, topic).stream()
                    .filter(r -> aggregate.toString().equals(r.key())).findFirst();
            record.ifPresent(published::set);
            return record.isPresent();
        });
        String traceparent = KafkaRecords.header(published.get(), CloudEvents.HEADER_TRACEPARENT);
        assertThat(traceparent).matches("00-" + trace + "-[0-9a-f]{16}-01");
        String publishSpanId = traceparent.split("-")[2];

        await().atMost(Duration.ofSeconds(10)).until(() -> InMemorySpans.ofTrace(trace).stream()
                .anyMatch(span -> span.getSpanId().equals(publishSpanId)));
        List<SpanData> spans = InMemorySpans.ofTrace(trace);
        SpanData server = only(spans, SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
        SpanData publish = only(spans, SpanKind.PRODUCER);
        assertThat(publish.getSpanId()).isEqualTo(publishSpanId);
        assertThat(publish.getName()).isEqualTo(topic + " publish");
        // recorded inside the request: its parent is the server span or one below it, in this trace
        assertThat(spans).extracting(SpanData::getSpanId).contains(publish.getParentSpanId());

        AtomicReference<String> seenTrace = new AtomicReference<>();
        AtomicReference<Object> seenInLog = new AtomicReference<>();
        transactions.inTransaction(published.get(), () -> {
            seenTrace.set(Span.current().getSpanContext().getTraceId());
            seenInLog.set(MDC.get("traceId"));
        });
        assertThat(seenTrace.get()).isEqualTo(trace);
        assertThat(seenInLog.get()).isEqualTo(trace);
        SpanData consume = only(InMemorySpans.ofTrace(trace), SpanKind.CONSUMER);
        assertThat(consume.getParentSpanId()).isEqualTo(publishSpanId);
        assertThat(consume.getName()).isEqualTo(topic + " process");
        assertThat(consume.getAttributes().asMap().values()).contains(published.get().offset());
    }

    @Test
    void aRecordWithoutTraceparentStartsATraceOfItsOwn() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0L, "k", "v");
        AtomicReference<String> seen = new AtomicReference<>();
        transactions.inTransaction(record, () -> seen.set(Span.current().getSpanContext().getTraceId()));
        assertThat(seen.get()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(only(InMemorySpans.ofTrace(seen.get()), SpanKind.CONSUMER).getParentSpanId())
                .isEqualTo("0".repeat(16));
    }

    private static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> ofKind = spans.stream().filter(span -> span.getKind() == kind).toList();
        assertThat(ofKind).as("%s spans in %s", kind, spans).hasSize(1);
        return ofKind.get(0);
    }

}
