package eu.taskforce.transparency.query;

import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.Cadence;
import eu.taskforce.transparency.query.RegisterDtos.CadenceWarningView;
import eu.taskforce.transparency.query.RegisterDtos.Meeting;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.taskforce.transparency.query.Rows.date;
import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/** The meetings register's reads that are not lists: one meeting, the meetings to come, the yearly cadence. */
@ApplicationScoped
public class MeetingQueries {

    private final ReadModel readModel;

    public MeetingQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** A plenary: its id and when it starts. */
    private record Plenary(UUID id, OffsetDateTime startsAt) {
    }

    public Optional<Meeting> meeting(UUID id) {
        return readModel.query("select m.* from meeting m where m.generation = :g and m.id = :id "
                + "and m.title is not null", Params.of().put("id", id), MeetingLists::meeting).stream().findFirst();
    }

    /** Every meeting to come at {@code now}, soonest first. */
    public List<Meeting> upcoming(OffsetDateTime now) {
        List<Meeting> meetings = new ArrayList<>();
        PublicList.Selection<Meeting> upcoming = MeetingLists.upcoming(now);
        readModel.stream(upcoming.query(), upcoming.params(), null, meetings::add);
        return meetings;
    }

    /**
     * The cadence at {@code now}: the last plenary held (or the day the Taskforce was constituted), the deadline a
     * year later, the next plenary scheduled, and whether it comes before the deadline.
     */
    public Cadence cadence(OffsetDateTime now, LocalDate constitutedOn) {
        Optional<Plenary> last = readModel.query("""
                        select m.id, m.starts_at from meeting m where m.generation = :g and m.kind = 'PLENARY'
                        and m.status in ('HELD', 'SUMMARY_PUBLISHED') order by m.starts_at desc limit 1""", Params.of(),
                row -> new Plenary(uuid(row, "id"), time(row, "starts_at"))).stream().findFirst();
        Optional<Plenary> next = readModel.query("""
                        select m.id, m.starts_at from meeting m where m.generation = :g and m.kind = 'PLENARY'
                        and m.status in ('SCHEDULED', 'RESCHEDULED') and m.starts_at >= :now order by m.starts_at limit 1""",
                Params.of().put("now", now), row -> new Plenary(uuid(row, "id"), time(row, "starts_at"))).stream().findFirst();
        Optional<CadenceWarningView> warning = readModel.query("""
                        select c.last_held_on, c.deadline, c.days_left, c.updated_at from cadence_warning c
                        where c.generation = :g""", Params.of(),
                row -> new CadenceWarningView(date(row, "last_held_on"), date(row, "deadline"),
                        row.getLong("days_left"), time(row, "updated_at"))).stream().findFirst();
        List<UUID> overdue = readModel.query("""
                        select m.id from meeting m where m.generation = :g and m.status = 'HELD'
                        and m.summary_due_on is not null order by m.summary_due_on, m.id""", Params.of(),
                row -> uuid(row, "id"));
        LocalDate lastHeldOn = last.map(p -> utcDay(p.startsAt())).orElse(constitutedOn);
        LocalDate deadline = lastHeldOn.plusYears(1);
        OffsetDateTime nextStarts = next.map(Plenary::startsAt).orElse(null);
        String status = now.toLocalDate().isAfter(deadline) ? "OVERDUE"
                : nextStarts != null && !utcDay(nextStarts).isAfter(deadline) ? "ON_TRACK" : "AT_RISK";
        return new Cadence(lastHeldOn, last.map(Plenary::id).orElse(null), deadline, nextStarts,
                next.map(Plenary::id).orElse(null), status, warning.orElse(null), overdue);
    }

    private static LocalDate utcDay(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
