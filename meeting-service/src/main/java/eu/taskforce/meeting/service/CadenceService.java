package eu.taskforce.meeting.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.SummaryOverdue;
import eu.taskforce.meeting.config.MeetingConfig;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The Taskforce meets at least once a year. The cadence counts from the last plenary held (or, before any is recorded
 * here, from the constituent meeting); the deadline is one year later. A scheduled check warns, once per deadline, when
 * the deadline is near and no plenary is scheduled before it, and flags, once per meeting, a meeting held whose
 * public summary is overdue.
 */
@ApplicationScoped
public class CadenceService {

    private static final Logger LOG = Logger.getLogger(CadenceService.class);
    static final Actor CHECK = Actor.system("cadence-check");
    static final String RECORD_TYPE = "Cadence";

    private final MeetingConfig config;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entityManager;

    public CadenceService(MeetingConfig config, Outbox outbox, AuditTrail audit, EntityManager entityManager) {
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /** A meeting held whose summary is overdue. */
    public record Overdue(UUID meetingId, String title, LocalDate heldOn, LocalDate dueOn) {
    }

    /**
     * Where the Taskforce stands.
     *
     * @param lastMeeting   the last plenary held, or null when the constituent meeting is the last
     * @param nextScheduled the next plenary scheduled, or null
     * @param atRisk        the deadline is within the warning window and no plenary is scheduled before it
     */
    public record Cadence(LocalDate lastHeldOn, Meeting lastMeeting, LocalDate deadline, long daysLeft,
                          Meeting nextScheduled, boolean nextScheduledBeforeDeadline, boolean atRisk,
                          long warningWindowDays, List<Overdue> overdueSummaries) {
    }

    /** What one check did. */
    public record CheckResult(boolean cadenceWarned, int summariesFlagged) {
    }

    @Transactional
    public Cadence cadence(OffsetDateTime now) {
        Meeting last = Meeting.<Meeting>find("kind = ?1 and status in ?2 order by startsAt desc", MeetingKind.PLENARY,
                List.of(MeetingStatus.HELD, MeetingStatus.SUMMARY_PUBLISHED)).firstResult();
        Meeting next = Meeting.<Meeting>find("kind = ?1 and status in ?2 and startsAt > ?3 order by startsAt",
                MeetingKind.PLENARY, List.of(MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED), now).firstResult();
        long window = config.cadenceWarningWindow().toDays();
        Deadline deadline = deadline(config.constitutedOn(), last == null ? null : localDate(last),
                next == null ? null : localDate(next), now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), window);
        if (last != null && !localDate(last).isAfter(config.constitutedOn())) {
            last = null; // held by the constituent meeting's day: the constituent meeting is the last
        }
        return new Cadence(deadline.lastHeldOn(), last, deadline.deadline(), deadline.daysLeft(), next,
                deadline.nextBeforeDeadline(), deadline.atRisk(), window, overdue(now));
    }

    /** The deadline arithmetic of {@link #cadence}, without the database. */
    record Deadline(LocalDate lastHeldOn, LocalDate deadline, long daysLeft, boolean nextBeforeDeadline,
                    boolean atRisk) {
    }

    /**
     * @param lastPlenary the day of the last plenary held, or null
     * @param nextPlenary the day of the next plenary scheduled, or null
     */
    static Deadline deadline(LocalDate constitutedOn, LocalDate lastPlenary, LocalDate nextPlenary, LocalDate today,
                             long warningWindowDays) {
        LocalDate lastHeldOn = lastPlenary != null && lastPlenary.isAfter(constitutedOn) ? lastPlenary : constitutedOn;
        LocalDate deadline = lastHeldOn.plusYears(1);
        long daysLeft = ChronoUnit.DAYS.between(today, deadline);
        boolean nextBeforeDeadline = nextPlenary != null && !nextPlenary.isAfter(deadline);
        return new Deadline(lastHeldOn, deadline, daysLeft, nextBeforeDeadline,
                daysLeft <= warningWindowDays && !nextBeforeDeadline);
    }

    /** Meetings held whose summary is not published within the configured time after their end. */
    public List<Overdue> overdue(OffsetDateTime now) {
        List<Meeting> late = Meeting.list("status = ?1 and endsAt < ?2 order by endsAt", MeetingStatus.HELD,
                now.minus(config.summaryDue()));
        return late.stream().map(m -> new Overdue(m.id, m.title, utcDate(m.endsAt),
                utcDate(m.endsAt.plus(config.summaryDue())))).toList();
    }

    @Scheduled(every = "${taskforce.meetings.check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledCheck() {
        CheckResult result = check(Timestamps.now());
        if (result.cadenceWarned() || result.summariesFlagged() > 0) {
            LOG.infof("Cadence check: warning sent %s, %d summaries flagged overdue", result.cadenceWarned(),
                    result.summariesFlagged());
        }
    }

    /**
     * Sends the cadence warning for the current deadline if the Taskforce is at risk and it was not sent yet, and flags
     * each overdue summary not flagged yet. Safe to run on several instances at once: each warning and each flag is
     * claimed by one row update.
     */
    @Transactional
    public CheckResult check(OffsetDateTime now) {
        Cadence cadence = cadence(now);
        boolean warned = false;
        if (cadence.atRisk()) {
            warned = entityManager.createNativeQuery("""
                            insert into cadence_warning (deadline, last_held_on, days_left, warned_at)
                            values (:deadline, :lastHeldOn, :daysLeft, :now) on conflict do nothing""")
                    .setParameter("deadline", cadence.deadline()).setParameter("lastHeldOn", cadence.lastHeldOn())
                    .setParameter("daysLeft", (int) cadence.daysLeft()).setParameter("now", now)
                    .executeUpdate() == 1;
            if (warned) {
                outbox.add(EventTypes.CADENCE_WARNING, CadenceWarning.SUBJECT, new CadenceWarning(cadence.lastHeldOn(),
                        cadence.lastMeeting() == null ? null : cadence.lastMeeting().id, cadence.deadline(),
                        cadence.daysLeft()));
                audit.record(CHECK, "CADENCE_WARNING", RECORD_TYPE, CadenceWarning.SUBJECT);
            }
        }
        int flagged = 0;
        for (Overdue overdue : cadence.overdueSummaries()) {
            int claimed = entityManager.createNativeQuery("""
                            update meeting set summary_overdue_at = :now, updated_at = :now, version = version + 1
                            where id = :id and summary_overdue_at is null and status = 'HELD'""")
                    .setParameter("now", now).setParameter("id", overdue.meetingId()).executeUpdate();
            if (claimed == 1) {
                outbox.add(EventTypes.SUMMARY_OVERDUE, overdue.meetingId(), new SummaryOverdue(overdue.meetingId(),
                        overdue.heldOn(), overdue.dueOn()));
                audit.record(CHECK, "SUMMARY_OVERDUE", MeetingService.RECORD_TYPE, overdue.meetingId());
                flagged++;
            }
        }
        return new CheckResult(warned, flagged);
    }

    /** The day a meeting takes place where it is planned. */
    static LocalDate localDate(Meeting meeting) {
        return meeting.startsAt.atZoneSameInstant(ZoneId.of(meeting.timeZone)).toLocalDate();
    }

    private static LocalDate utcDate(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
