package eu.taskforce.guidance;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.KafkaRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Reads guidance-service's events back from the real {@code test.} guidance topic. */
final class GuidanceEvents {

    static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    private GuidanceEvents() {
    }

    static String topic(String prefix) {
        return prefix + Topics.GUIDANCE;
    }

    /** Every record of the topic whose key is one of {@code keys}, in offset order. */
    static List<ConsumerRecord<String, String>> about(String bootstrapServers, String topic, Set<String> keys) {
        return KafkaRecords.readAll(bootstrapServers, topic).stream().filter(r -> keys.contains(r.key())).toList();
    }

    /** Waits until the records of the given keys satisfy {@code ready}, and returns them. */
    static List<ConsumerRecord<String, String>> await(String bootstrapServers, String topic, Set<String> keys,
                                                     Predicate<List<ConsumerRecord<String, String>>> ready) {
        return org.awaitility.Awaitility.await().atMost(PUBLISHED_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> about(bootstrapServers, topic, keys), ready::test);
    }

    static String type(ConsumerRecord<String, String> record) {
        return KafkaRecords.header(record, CloudEvents.HEADER_TYPE);
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(GuidanceEvents::type).toList();
    }
}
