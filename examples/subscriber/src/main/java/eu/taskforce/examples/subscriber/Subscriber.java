package eu.taskforce.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A subscriber to the Taskforce topics. It reads every record as a CloudEvent (Kafka binary mode: {@code ce_} headers,
 * JSON value) with the CloudEvents SDK, and for each event:
 * <ol>
 * <li>skips it when its {@code ce_id} was processed already (delivery is at least once: a producer may send an event
 *     twice, and a consumer that stopped before committing reads it again);</li>
 * <li>skips a type it does not know (a newer type: the contracts only ever add types);</li>
 * <li>validates its data against the JSON Schema of its type, shipped in the contracts jar, and refuses one that does
 *     not fit (a real subscriber would send it to a dead-letter topic of its own), then goes on with the next;</li>
 * <li>hands it to the {@link SignatoryView}, which ignores a state older than the one it holds and always applies a
 *     withdrawal or an erasure.</li>
 * </ol>
 * Offsets are committed after each batch is handled, so a restart in the same consumer group goes on where it stopped
 * and a new group reads every topic from the beginning ({@code auto.offset.reset=earliest}; the topics keep their
 * events forever). The set of processed ids is in memory here: a real subscriber keeps it in its database and writes
 * it in the same transaction as the change the event causes, so that the two can never disagree.
 */
public final class Subscriber implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Subscriber.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final SignatoryView view;
    private final Consumer<String> out;
    private final Set<String> processed = new HashSet<>();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Counts counts = new Counts();

    /** What happened to the records read so far. */
    public static final class Counts {
        public int applied, duplicates, stale, rejected, unknownTypes;

        @Override
        public String toString() {
            return "applied=" + applied + " duplicates=" + duplicates + " stale=" + stale + " rejected=" + rejected
                    + " unknownTypes=" + unknownTypes;
        }
    }

    /** The consumer settings a subscriber needs: its own group, from the beginning, commits after handling. */
    public static Properties settings(String bootstrapServers, String groupId) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return settings;
    }

    /**
     * @param out where a line per applied event goes (standard output in {@link Main})
     */
    public Subscriber(Properties settings, Collection<String> topics, SignatoryView view, Consumer<String> out) {
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new CloudEventDeserializer());
        this.view = view;
        this.out = out;
        consumer.subscribe(topics);
    }

    /** Reads one batch (waiting up to {@code timeout} for it), handles every record, then commits. */
    public int poll(Duration timeout) {
        int handled = 0;
        try {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(timeout)) {
                handle(record);
                handled++;
            }
        } catch (RecordDeserializationException notACloudEvent) {
            // a record without the ce_ headers cannot be read at all: skip it, or it would block its partition forever
            counts.rejected++;
            LOG.log(System.Logger.Level.WARNING, "Skipped a record that is not a CloudEvent at {0} offset {1}: {2}",
                    notACloudEvent.topicPartition(), notACloudEvent.offset(), notACloudEvent.getMessage());
            consumer.seek(notACloudEvent.topicPartition(), notACloudEvent.offset() + 1);
        }
        consumer.commitSync();
        return handled;
    }

    void handle(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (processed.contains(event.getId())) {
            counts.duplicates++;
            return;
        }
        EventType<?> type = EventTypes.byType(event.getType()).orElse(null);
        if (type == null) {
            counts.unknownTypes++;
            processed.add(event.getId());
            return;
        }
        JsonNode data;
        try {
            data = JSON.readTree(event.getData() == null ? new byte[0] : event.getData().toBytes());
        } catch (IOException e) {
            data = null;
        }
        Set<ValidationMessage> errors = data == null || data.isMissingNode() ? Set.of()
                : schema(type).validate(data);
        if (data == null || data.isMissingNode() || !errors.isEmpty()) {
            counts.rejected++;
            processed.add(event.getId());
            LOG.log(System.Logger.Level.WARNING, "Refused {0} {1} at {2}-{3} offset {4}: {5}", event.getType(),
                    event.getId(), record.topic(), record.partition(), record.offset(),
                    data == null || data.isMissingNode() ? "no JSON data" : errors);
            return;
        }
        boolean applied = view.apply(event.getType(), event.getTime(), data);
        processed.add(event.getId());
        if (applied) {
            counts.applied++;
            out.accept("applied " + event.getType() + " " + event.getSubject() + " (" + event.getId() + ")");
        } else {
            counts.stale++;
            out.accept("ignored, older than what is held: " + event.getType() + " " + event.getSubject());
        }
    }

    private JsonSchema schema(EventType<?> type) {
        return schemas.computeIfAbsent(type.schemaResource(), resource -> {
            try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The contracts jar has no schema " + resource);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public Counts counts() {
        return counts;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
