package eu.taskforce.notification.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One event of the three topics, consumed once (the inbox has recorded it): fired as a CDI event by
 * {@link NotificationEventsConsumer} inside the consumer's transaction, so that every observer's writes (webhook
 * deliveries, e-mails to send) commit with the inbox record or not at all. Observe it with
 * {@code void on(@Observes ConsumedEvent event)}; an observer that throws rolls the event back (a transient database
 * failure is tried again, anything else sends the record to the dead-letter topic).
 *
 * @param topic      the contract topic ({@code taskforce.meetings.v1}...), without the test prefix
 * @param key        the Kafka key: the id of the aggregate, which orders the events of one aggregate
 * @param event      the CloudEvents attributes and the JSON data
 * @param dataSchema the {@code dataschema} attribute, when the record had one
 */
public record ConsumedEvent(String topic, String key, IncomingEvent event, String dataSchema) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConsumedEvent of(String topic, ConsumerRecord<String, String> record, IncomingEvent event) {
        Header schema = record.headers().lastHeader(CloudEvents.HEADER_DATA_SCHEMA);
        String dataSchema = schema == null || schema.value() == null ? null
                : new String(schema.value(), StandardCharsets.UTF_8);
        return new ConsumedEvent(topic, record.key(), event, dataSchema);
    }

    /** The event's type, when this version knows it. */
    public Optional<EventType<?>> type() {
        return EventTypes.byType(event.type());
    }

    /**
     * The event as one CloudEvents JSON document (structured content mode): the attributes the topic carries as
     * {@code ce_} headers and the same JSON data, unchanged. What a webhook receives.
     */
    public String cloudEventJson() {
        ObjectNode document = JSON.createObjectNode();
        document.put("specversion", CloudEvents.SPEC_VERSION);
        document.put("id", event.id());
        document.put("source", event.source());
        document.put("type", event.type());
        document.put("subject", event.subject());
        if (event.time() != null) {
            document.put("time", event.time().toString());
        }
        document.put("datacontenttype", CloudEvents.JSON);
        if (dataSchema != null) {
            document.put("dataschema", dataSchema);
        }
        try {
            JsonNode data = event.data() == null ? null : JSON.readTree(event.data());
            document.set("data", data);
            return JSON.writeValueAsString(document);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("CloudEvent " + event.id() + " has data that is not JSON");
        }
    }
}
