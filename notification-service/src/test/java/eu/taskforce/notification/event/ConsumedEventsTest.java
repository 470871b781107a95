package eu.taskforce.notification.event;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.platform.testing.KafkaRecords;
import eu.taskforce.platform.testing.MembershipFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The extension point: every event of the three topics reaches an observer of {@link ConsumedEvent} once, in the
 * consumer's transaction, with the CloudEvents JSON a webhook receives; a record that is not a CloudEvent goes to the
 * dead-letter topic and the next ones go on.
 */
@QuarkusTest
class ConsumedEventsTest {

    /** Records what the consumer hands on (a bean of the test application only). */
    @ApplicationScoped
    public static class Recorder {
        private final List<ConsumedEvent> seen = new CopyOnWriteArrayList<>();

        void on(@Observes ConsumedEvent event) {
            seen.add(event);
        }

        long count(String id) {
            return seen.stream().filter(e -> e.event().id().equals(id)).count();
        }

        ConsumedEvent first(String id) {
            return seen.stream().filter(e -> e.event().id().equals(id)).findFirst().orElseThrow();
        }
    }

    static MembershipFeed feed;

    @Inject
    Recorder recorder;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String prefix;

    @BeforeAll
    static void openFeed() {
        feed = MembershipFeed.open();
    }

    @AfterAll
    static void closeFeed() {
        feed.close();
    }

    @Test
    void everyTopicsEventsReachTheObserversOnceWithTheirCloudEventJson() {
        UUID meeting = UUID.randomUUID();
        UUID window = UUID.randomUUID();
        String convened = UUID.randomUUID().toString();
        String opened = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.of(2027, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        feed.publish(convened, EventTypes.MEETING_CONVENED, meeting, new MeetingConvened(meeting, "Plenary",
                MeetingKind.PLENARY, MeetingFormat.ONLINE, start, start.plusHours(2), "Europe/Brussels", null, null));
        feed.publish(convened, EventTypes.MEETING_CONVENED, meeting, new MeetingConvened(meeting, "Plenary",
                MeetingKind.PLENARY, MeetingFormat.ONLINE, start, start.plusHours(2), "Europe/Brussels", null, null));
        feed.publish(opened, EventTypes.WINDOW_OPENED, window, new WindowOpened(window, UUID.randomUUID(), "Guidelines",
                UUID.randomUUID(), 1, start, start.plusDays(14)));

        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.count(convened) > 0 && recorder.count(opened) > 0);
        ConsumedEvent event = recorder.first(convened);
        assertThat(event.topic()).isEqualTo("taskforce.meetings.v1");
        assertThat(event.key()).isEqualTo(meeting.toString());
        assertThat(event.type()).contains(EventTypes.MEETING_CONVENED);
        JsonPath json = new JsonPath(event.cloudEventJson());
        assertThat(json.getString("specversion")).isEqualTo("1.0");
        assertThat(json.getString("id")).isEqualTo(convened);
        assertThat(json.getString("type")).isEqualTo(EventTypes.MEETING_CONVENED.type());
        assertThat(json.getString("source")).isEqualTo("/taskforce/meeting-service");
        assertThat(json.getString("subject")).isEqualTo(meeting.toString());
        assertThat(json.getString("datacontenttype")).isEqualTo("application/json");
        assertThat(json.getString("dataschema")).isEqualTo(EventTypes.MEETING_CONVENED.dataSchema());
        assertThat(json.getString("data.title")).isEqualTo("Plenary");
        assertThat(json.getString("data.meetingId")).isEqualTo(meeting.toString());

        // the duplicate came before the window event on another topic: by now it was handled, and not handed on
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recorder.count(convened) == 1);
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopicAndTheNextOnesGoOn() {
        UUID key = UUID.randomUUID();
        feed.send(new ProducerRecord<>(prefix + "taskforce.guidance.v1", key.toString(), "{\"not\": \"an event\"}"));
        UUID window = UUID.randomUUID();
        String opened = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        feed.publish(opened, EventTypes.WINDOW_OPENED, window, new WindowOpened(window, UUID.randomUUID(), "Guidelines",
                UUID.randomUUID(), 1, start, start.plusDays(14)));

        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.count(opened) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaRecords.readAll(bootstrapServers,
                        prefix + "taskforce.guidance.v1.dlq.notification").stream()
                .anyMatch(record -> Objects.equals(record.key(), key.toString())));
    }
}
