package eu.taskforce.contracts;

/** The Kafka topics of the Taskforce. Every record's key is the id of the aggregate it is about. */
public final class Topics {
    public static final String MEMBERSHIP = "taskforce.membership.v1";
    public static final String MEETINGS = "taskforce.meetings.v1";
    public static final String GUIDANCE = "taskforce.guidance.v1";

    private Topics() {
    }
}
