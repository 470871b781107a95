package eu.taskforce.transparency.ingest;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.kafka.TopicNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far the register is behind each topic: per partition, the end offset minus the offset the live consumer group
 * has committed (a partition it never committed counts from its start). Measured with a Kafka admin client, on demand
 * and periodically for the gauge {@code taskforce.register.lag} (tag {@code topic}; -1 while Kafka cannot be asked).
 */
@ApplicationScoped
public class Lag {

    private static final Logger LOG = Logger.getLogger(Lag.class);
    /** The topics the register is built from. */
    static final List<String> TOPICS = List.of(Topics.MEMBERSHIP, Topics.MEETINGS, Topics.GUIDANCE);

    private final TopicNames topicNames;
    private final String groupId;
    private final Admin admin;
    private final Map<String, Long> lastMeasured = new ConcurrentHashMap<>();

    public Lag(TopicNames topicNames, MeterRegistry registry,
               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
               @ConfigProperty(name = "mp.messaging.incoming.membership-events.group.id") String groupId) {
        this.topicNames = topicNames;
        this.groupId = groupId;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        for (String topic : TOPICS) {
            lastMeasured.put(topic, -1L);
            Gauge.builder("taskforce.register.lag", lastMeasured, m -> m.getOrDefault(topic, -1L))
                    .description("Events on the topic that the register has not applied yet")
                    .tag("topic", topic).register(registry);
        }
    }

    public record PartitionLag(int partition, long endOffset, long committedOffset, long lag) {
    }

    public record TopicLag(String topic, long lag, List<PartitionLag> partitions) {
    }

    public record Report(String consumerGroup, OffsetDateTime measuredAt, long totalLag, List<TopicLag> topics) {
    }

    /** Measures now; an {@link IllegalStateException} when Kafka does not answer in time. */
    public Report measure() {
        try {
            List<String> topics = TOPICS.stream().map(topicNames::of).toList();
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            List<TopicPartition> partitions = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest())))
                    .all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            List<TopicLag> result = new ArrayList<>();
            long total = 0;
            for (String contractTopic : TOPICS) {
                String topic = topicNames.of(contractTopic);
                List<PartitionLag> lags = partitions.stream().filter(tp -> tp.topic().equals(topic))
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                        .map(tp -> {
                            long end = ends.get(tp).offset();
                            OffsetAndMetadata done = committed.get(tp);
                            long at = done != null ? done.offset() : starts.get(tp).offset();
                            return new PartitionLag(tp.partition(), end, at, Math.max(0, end - at));
                        }).toList();
                long lag = lags.stream().mapToLong(PartitionLag::lag).sum();
                lastMeasured.put(contractTopic, lag);
                total += lag;
                result.add(new TopicLag(contractTopic, lag, lags));
            }
            return new Report(groupId, OffsetDateTime.now(ZoneOffset.UTC), total, result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Kafka");
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not tell the offsets: " + e.getMessage(), e);
        }
    }

    @Scheduled(every = "${taskforce.register.lag-interval:15s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshGauge() {
        try {
            measure();
        } catch (IllegalStateException e) {
            lastMeasured.replaceAll((topic, lag) -> -1L);
            LOG.debugf("Lag not measured: %s", e.getMessage());
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        admin.close();
    }
}
