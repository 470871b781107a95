package eu.taskforce.contracts.meetings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The Taskforce meets at least once a year: its next plenary is due by {@code deadline} and none is scheduled before
 * it. Sent once per deadline, when the deadline is near (60 days by default).
 *
 * @param lastHeldOn    the day of the last plenary held (or the constituent meeting)
 * @param lastMeetingId the last plenary held, or null when it is the constituent meeting, held before this service
 * @param deadline      one year after {@code lastHeldOn}
 * @param daysLeft      days from the check to the deadline
 */
public record CadenceWarning(LocalDate lastHeldOn, UUID lastMeetingId, LocalDate deadline, long daysLeft) {

    /** The CloudEvents subject and Kafka key of cadence warnings: the cadence of the Taskforce as one aggregate. */
    public static final UUID SUBJECT = UUID.nameUUIDFromBytes("eu.taskforce.meetings.cadence".getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
}
