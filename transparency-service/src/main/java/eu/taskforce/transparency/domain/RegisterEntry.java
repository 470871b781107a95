package eu.taskforce.transparency.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * One public register entry: what one event says, reduced to what may be public. Everything in it comes from the
 * event (its id, type, time and payload), never from the clock or the order of arrival, so that deriving it again
 * during a rebuild gives the same entry.
 *
 * @param topic       the contract topic (without a test prefix)
 * @param occurredAt  the event's time, to the microsecond
 * @param data        the public payload
 */
public record RegisterEntry(String eventId, EventType<?> type, String topic, AggregateType aggregateType,
                            UUID aggregateId, Instant occurredAt, ObjectNode data) {

    /** The payload as its contract record. */
    public <T> T payload(Class<T> payloadClass) {
        return EventJson.read(data.toString(), payloadClass);
    }
}
