package eu.taskforce.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Plain Kafka consumers without a consumer group, for reading whole topics from the start outside the live consumers
 * (a register rebuild, a replica filled once): nothing committed, no topic created, positions kept by the caller.
 */
public final class TopicReaders {

    private TopicReaders() {
    }

    /** A consumer without a group; the caller assigns partitions and closes it. */
    public static KafkaConsumer<String, String> open(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Every partition of these topics (none of a topic that does not exist). */
    public static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        }
        return partitions;
    }
}
