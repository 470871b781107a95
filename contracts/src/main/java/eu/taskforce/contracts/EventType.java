package eu.taskforce.contracts;

/**
 * One type of event: its CloudEvents {@code type}, the topic it travels on, the payload record, and the JSON
 * Schema of that payload (a resource of this jar, named by {@link #dataSchema()}).
 */
public record EventType<T>(String type, String topic, Class<T> payloadClass, String schemaResource) {

    /** The CloudEvents {@code dataschema}: a URN naming the schema resource shipped in this jar. */
    public String dataSchema() {
        return "urn:taskforce:schema:" + schemaResource;
    }
}
