package eu.taskforce.contracts;

/**
 * How the Taskforce writes CloudEvents 1.0 on Kafka: binary content mode, the attributes as {@code ce_}
 * headers and the JSON payload as the record value (the Kafka protocol binding of CloudEvents).
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_DATA_SCHEMA = "ce_dataschema";
    /**
     * The CloudEvents distributed-tracing extension: the W3C {@code traceparent} of the span that published the event
     * (a child of the request that recorded it). Optional: an event recorded outside any trace has none.
     */
    public static final String HEADER_TRACEPARENT = "ce_traceparent";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** Event type names: {@code eu.taskforce.<context>.<event-name>.v<N>}. */
    public static final String TYPE_PREFIX = "eu.taskforce.";

    /** Event sources: {@code /taskforce/<service>}. */
    public static String source(String service) {
        return "/taskforce/" + service;
    }

    private CloudEvents() {
    }
}
