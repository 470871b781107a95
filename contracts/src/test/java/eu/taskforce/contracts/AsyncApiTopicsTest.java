package eu.taskforce.contracts;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document says what the code really does with Kafka: the topics that {@code ./taskforce up} and
 * {@code docker-compose.yml} create (partitions, retention, cleanup), the topics and consumer groups that the services
 * consume (their {@code application.properties}), the dead-letter topics they send to, and the CloudEvents headers the
 * outbox writes ({@link CloudEvents}). Read from the reactor's own files, so a change to one side fails here.
 */
class AsyncApiTopicsTest {

    /** The reactor's root: the tests run in the contracts module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String PREFIX = "${taskforce.kafka.topic-prefix:}";

    @Test
    void theEventTopicsAreTheContractsTopicsWithThePartitionsAndRetentionTheScriptsCreate() throws IOException {
        Map<String, Object> channels = map(asyncApi().get("channels"));
        Set<String> eventTopics = Set.of(Topics.MEMBERSHIP, Topics.MEETINGS, Topics.GUIDANCE);
        String script = Files.readString(ROOT.resolve("taskforce"));
        Matcher topicsLine = Pattern.compile("(?m)^TOPICS=\"([^\"]+)\"").matcher(script);
        assertThat(topicsLine.find()).as("the TOPICS line of ./taskforce").isTrue();
        assertThat(Set.of(topicsLine.group(1).split(" "))).isEqualTo(eventTopics);
        assertThat(script).contains("--topic \"$topic\" --partitions 3 --replication-factor 1 --config retention.ms=-1")
                .contains("--add-config retention.ms=-1");
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(compose).contains("for topic in " + String.join(" ", Topics.MEMBERSHIP, Topics.MEETINGS,
                Topics.GUIDANCE) + "; do").contains("--partitions 3 --replication-factor 1 --config retention.ms=-1");

        Set<String> addresses = new HashSet<>();
        for (Object value : channels.values()) {
            Map<String, Object> channel = map(value);
            if (!eventTopics.contains(channel.get("address"))) {
                continue;
            }
            addresses.add((String) channel.get("address"));
            Map<String, Object> kafka = map(map(channel.get("bindings")).get("kafka"));
            assertThat(kafka.get("topic")).isEqualTo(channel.get("address"));
            assertThat(kafka.get("partitions")).as("partitions of %s", channel.get("address")).isEqualTo(3);
            assertThat(map(kafka.get("topicConfiguration")))
                    .containsEntry("retention.ms", -1).containsEntry("cleanup.policy", List.of("delete"));
        }
        assertThat(addresses).isEqualTo(eventTopics);
        // every event type is a message of the channel of its topic
        for (EventType<?> type : EventTypes.ALL) {
            Map<String, Object> channel = channels.values().stream().map(AsyncApiTopicsTest::map)
                    .filter(c -> type.topic().equals(c.get("address"))).findFirst().orElseThrow();
            Set<String> names = new HashSet<>();
            for (Object ref : map(channel.get("messages")).values()) {
                names.add((String) message(map(ref)).get("name"));
            }
            assertThat(names).as("messages of %s", type.topic()).contains(type.type());
        }
    }

    @Test
    void everyDeadLetterTopicAndConsumerGroupOfTheServicesIsDocumented() throws IOException {
        Map<String, Object> document = asyncApi();
        Map<String, Object> channels = map(document.get("channels"));
        Set<String> documentedDeadLetters = new TreeSet<>();
        for (Object value : channels.values()) {
            Map<String, Object> channel = map(value);
            String address = (String) channel.get("address");
            if (address.contains(".dlq.")) {
                documentedDeadLetters.add(address);
                assertThat(map(map(channel.get("bindings")).get("kafka"))).containsEntry("topic", address)
                        .containsEntry("partitions", brokerDefaultPartitions());
                assertThat(map(channel.get("messages")).values()).singleElement()
                        .satisfies(ref -> assertThat(message(map(ref)).get("name")).isEqualTo("dead-letter"));
            }
        }

        Set<String> configuredDeadLetters = new TreeSet<>();
        Map<String, Set<String>> groupsByTopic = new HashMap<>();
        for (Path file : serviceConfigurations()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                Matcher incoming = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
                if (incoming.matches()) {
                    String channel = incoming.group(1);
                    String topic = unprefixed(properties.getProperty(key));
                    String group = unprefixed(properties.getProperty("mp.messaging.incoming." + channel + ".group.id"));
                    groupsByTopic.computeIfAbsent(topic, t -> new TreeSet<>()).add(group);
                    assertThat(properties.getProperty("mp.messaging.incoming." + channel + ".failure-strategy"))
                            .as("%s: %s", file, channel).isEqualTo("dead-letter-unless-transient");
                    String deadLetters = unprefixed(properties.getProperty(
                            "mp.messaging.incoming." + channel + ".dead-letter-queue.topic"));
                    assertThat(deadLetters).as("%s: %s", file, channel).startsWith(topic + ".dlq.");
                    configuredDeadLetters.add(deadLetters);
                }
            }
        }
        assertThat(configuredDeadLetters).as("dead-letter topics of the services").isNotEmpty()
                .isEqualTo(documentedDeadLetters);

        // the receive operations name the consumer groups of their topic
        Map<String, Set<String>> documentedGroups = new HashMap<>();
        for (Object value : map(document.get("operations")).values()) {
            Map<String, Object> operation = map(value);
            if (!"receive".equals(operation.get("action"))) {
                continue;
            }
            String ref = (String) map(operation.get("channel")).get("$ref");
            String address = (String) map(channels.get(ref.substring("#/channels/".length()))).get("address");
            Map<String, Object> groupId = map(map(map(operation.get("bindings")).get("kafka")).get("groupId"));
            @SuppressWarnings("unchecked")
            List<String> groups = (List<String>) groupId.get("enum");
            documentedGroups.computeIfAbsent(address, a -> new TreeSet<>()).addAll(groups);
        }
        assertThat(documentedGroups).isEqualTo(groupsByTopic);
    }

    @Test
    void theCloudEventsHeadersAreTheOnesTheOutboxWrites() {
        Map<String, Object> trait = map(map(map(asyncApi().get("components")).get("messageTraits")).get("cloudEvent"));
        Map<String, Object> headers = map(trait.get("headers"));
        Set<String> written = Set.of(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.HEADER_ID, CloudEvents.HEADER_SOURCE,
                CloudEvents.HEADER_TYPE, CloudEvents.HEADER_SUBJECT, CloudEvents.HEADER_TIME,
                CloudEvents.HEADER_DATA_SCHEMA, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.HEADER_TRACEPARENT);
        assertThat(map(headers.get("properties")).keySet()).isEqualTo(written);
        // every ce_ attribute is required but the tracing extension (an event recorded outside a trace has none)
        assertThat(new HashSet<>(list(headers.get("required")))).isEqualTo(written.stream()
                .filter(h -> h.startsWith("ce_") && !h.equals(CloudEvents.HEADER_TRACEPARENT))
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, Object> key = map(map(map(trait.get("bindings")).get("kafka")).get("key"));
        assertThat(key).containsEntry("type", "string").containsEntry("format", "uuid");
        // every event message has the trait
        for (Object value : map(map(asyncApi().get("components")).get("messages")).values()) {
            Map<String, Object> message = map(value);
            if (!"dead-letter".equals(message.get("name"))) {
                assertThat(list(message.get("traits"))).as("traits of %s", message.get("name"))
                        .containsExactly(Map.of("$ref", "#/components/messageTraits/cloudEvent"));
            }
        }
    }

    /** The partitions of a topic the broker creates on first use: num.partitions of the script's broker. */
    static int brokerDefaultPartitions() throws IOException {
        Matcher m = Pattern.compile("(?m)^num\\.partitions=(\\d+)$").matcher(Files.readString(ROOT.resolve("taskforce")));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static List<Path> serviceConfigurations() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (Files.exists(file) && Files.readString(file).contains("mp.messaging.incoming.")) {
                    files.add(file);
                }
            }
        }
        assertThat(files).as("services that consume topics").hasSizeGreaterThanOrEqualTo(3);
        return files;
    }

    static String unprefixed(String value) {
        assertThat(value).as("topics and groups take the test prefix").startsWith(PREFIX);
        return value.substring(PREFIX.length());
    }

    static Map<String, Object> message(Map<String, Object> ref) {
        String path = (String) ref.get("$ref");
        return map(map(map(asyncApi().get("components")).get("messages"))
                .get(path.substring("#/components/messages/".length())));
    }

    static Map<String, Object> asyncApi() {
        return ASYNC_API;
    }

    static final Map<String, Object> ASYNC_API = load();

    static Map<String, Object> load() {
        try (InputStream in = AsyncApiTopicsTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
