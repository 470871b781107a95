package eu.taskforce.meeting.service;

import eu.taskforce.meeting.domain.CalendarFeed;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MembershipReplica.MemberLeft;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calendars. The public calendar lists the meetings to come with public fields only. A personal feed lists the
 * meetings its owner is invited to (through its organisation or its account), with the joining links; a calendar
 * client reads it without OAuth through an unguessable token (256 random bits), which the owner or the AI Office
 * revokes. Only the token's hash is stored.
 */
@ApplicationScoped
public class CalendarService {

    public static final String RECORD_TYPE = "CalendarFeed";
    /** Meetings that ended less than this long ago still show, so that a client does not drop today's meeting. */
    static final Duration RECENT = Duration.ofDays(1);
    static final int MAX_EVENTS = 500;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<MeetingStatus> SHOWN = List.of(MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED,
            MeetingStatus.CANCELLED);

    private final Access access;
    private final AuditTrail audit;

    public CalendarService(Access access, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
    }

    /** A new feed and its token, which is shown this once. */
    public record NewFeed(CalendarFeed feed, String token) {
    }

    @Transactional
    public NewFeed create() {
        if (!access.isAiOffice() && !access.isMember() && !access.isStakeholder()) {
            throw ProblemException.forbidden("Calendar feeds are for the AI Office, members and invited stakeholders");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.tokenHash = hash(token);
        feed.subject = access.subject();
        feed.username = access.username();
        feed.organisationId = access.organisation().orElse(null);
        feed.aiOffice = access.isAiOffice();
        feed.createdAt = Timestamps.now();
        feed.persist();
        audit.record(access.actor(), "CALENDAR_FEED_CREATED", RECORD_TYPE, feed.id);
        return new NewFeed(feed, token);
    }

    /** The caller's own active feeds; every active feed for the AI Office (which may revoke any). */
    public List<CalendarFeed> feeds() {
        return access.isAiOffice()
                ? CalendarFeed.list("revokedAt is null order by createdAt, id")
                : CalendarFeed.list("subject = ?1 and revokedAt is null order by createdAt, id", access.subject());
    }

    @Transactional
    public void revoke(UUID id) {
        CalendarFeed feed = CalendarFeed.<CalendarFeed>findByIdOptional(id)
                .filter(f -> f.revokedAt == null)
                .filter(f -> access.isAiOffice() || f.subject.equals(access.subject()))
                .orElseThrow(() -> ProblemException.notFound("Calendar feed", id));
        feed.revokedAt = Timestamps.now();
        audit.record(access.actor(), "CALENDAR_FEED_REVOKED", RECORD_TYPE, id);
    }

    /**
     * An organisation that leaves the Taskforce loses its representatives' feeds: they would show nothing now, but
     * would show the joining links again, to whoever holds the old address, if the organisation joined again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMemberLeft(@Observes MemberLeft left) {
        List<CalendarFeed> active = CalendarFeed.list("organisationId = ?1 and revokedAt is null", left.organisationId());
        OffsetDateTime now = Timestamps.now();
        for (CalendarFeed feed : active) {
            feed.revokedAt = now;
            audit.record(InvitationService.REPLICA, "CALENDAR_FEED_REVOKED", RECORD_TYPE, feed.id);
        }
    }

    /** The meetings to come (and those cancelled), for the public calendar. */
    public List<Meeting> upcoming() {
        return Meeting.find("status in ?1 and endsAt > ?2 order by startsAt, id", SHOWN,
                Timestamps.now().minus(RECENT)).page(0, MAX_EVENTS).list();
    }

    /** The feed of a token, if it is active; its use is recorded. */
    @Transactional
    public Optional<CalendarFeed> feed(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarFeed> feed = CalendarFeed.find("tokenHash = ?1 and revokedAt is null", hash(token))
                .firstResultOptional();
        feed.ifPresent(f -> f.lastUsedAt = Timestamps.now());
        return feed;
    }

    /** The meetings to come that the feed's owner is invited to (every one for an AI Office feed). */
    public List<Meeting> invitedTo(CalendarFeed feed) {
        OffsetDateTime since = Timestamps.now().minus(RECENT);
        if (feed.aiOffice) {
            return Meeting.find("status in ?1 and endsAt > ?2 order by startsAt, id", SHOWN, since)
                    .page(0, MAX_EVENTS).list();
        }
        return Meeting.find("status in ?1 and endsAt > ?2 and id in (select i.meetingId from Invitation i"
                        + " where i.withdrawnAt is null and (i.organisationId = ?3 or lower(i.username) = lower(?4)))"
                        + " order by startsAt, id", SHOWN, since, feed.organisationId, feed.username)
                .page(0, MAX_EVENTS).list();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
