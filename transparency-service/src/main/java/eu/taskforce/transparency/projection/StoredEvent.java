package eu.taskforce.transparency.projection;

import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;

import java.time.Instant;

/** An entry of an aggregate as stored in {@code register_event}: its type, its time and its data. */
record StoredEvent(EventType<?> type, Instant at, String data) {

    <T> T as(Class<T> payload) {
        return EventJson.read(data, payload);
    }

    boolean is(EventType<?> other) {
        return type == other;
    }
}
