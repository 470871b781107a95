package eu.taskforce.contracts.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The AI Office convened a meeting. Public fields only: the joining link never travels in an event.
 *
 * @param meetingId the aggregate id: the CloudEvents subject and the Kafka key
 * @param startsAt  the start, in UTC
 * @param endsAt    the end, in UTC
 * @param timeZone  the IANA time zone the meeting is planned in (Europe/Brussels), for showing local times
 * @param location  where it takes place (for IN_PERSON and HYBRID), otherwise null
 * @param requestId the members' request the meeting answers, or null when the AI Office convened it on its own
 */
public record MeetingConvened(UUID meetingId, String title, MeetingKind kind, MeetingFormat format,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, String location,
                              UUID requestId) {
}
