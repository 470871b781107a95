package eu.taskforce.platform.testing;

import eu.taskforce.contracts.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Reads a service's events back from its real {@code test.} topic (the outbox relay publishes them a moment later). */
public final class ServiceEvents {

    public static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    private ServiceEvents() {
    }

    /** Every record of the topic whose key is one of {@code keys}, in offset order. */
    public static List<ConsumerRecord<String, String>> about(String bootstrapServers, String topic, Set<String> keys) {
        return KafkaRecords.readAll(bootstrapServers, topic).stream().filter(r -> keys.contains(r.key())).toList();
    }

    /** Waits until the records of the given keys satisfy {@code ready}, and returns them. */
    public static List<ConsumerRecord<String, String>> await(String bootstrapServers, String topic, Set<String> keys,
                                                            Predicate<List<ConsumerRecord<String, String>>> ready) {
        return org.awaitility.Awaitility.await().atMost(PUBLISHED_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> about(bootstrapServers, topic, keys), ready::test);
    }

    /** The CloudEvents type of a record. */
    public static String type(ConsumerRecord<String, String> record) {
        return KafkaRecords.header(record, CloudEvents.HEADER_TYPE);
    }

    /** The event types of the records, in order. */
    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ServiceEvents::type).toList();
    }
}
