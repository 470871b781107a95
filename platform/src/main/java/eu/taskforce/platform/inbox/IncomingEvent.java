package eu.taskforce.platform.inbox;

import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A CloudEvent read from a Kafka record in binary mode. A record that lacks a required attribute is rejected
 * with an {@link IllegalArgumentException}, which sends it to the consumer's dead-letter topic.
 */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time,
                            String data) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEvents.HEADER_TIME);
        try {
            return new IncomingEvent(
                    required(record, CloudEvents.HEADER_ID),
                    required(record, CloudEvents.HEADER_TYPE),
                    required(record, CloudEvents.HEADER_SOURCE),
                    required(record, CloudEvents.HEADER_SUBJECT),
                    time == null ? null : OffsetDateTime.parse(time),
                    record.value());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CloudEvent attribute time is not an RFC 3339 timestamp: " + time);
        }
    }

    /** The payload as the given record type; a payload that does not fit is an {@link IllegalArgumentException}. */
    public <T> T data(Class<T> type) {
        if (data == null) {
            throw new IllegalArgumentException("CloudEvent " + id + " has no data");
        }
        return EventJson.read(data, type);
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Not a CloudEvent: the Kafka record lacks the header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
