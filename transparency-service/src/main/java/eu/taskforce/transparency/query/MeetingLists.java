package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.transparency.query.PublicList.Column;
import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.AgendaItem;
import eu.taskforce.transparency.query.RegisterDtos.Decision;
import eu.taskforce.transparency.query.RegisterDtos.DecisionLink;
import eu.taskforce.transparency.query.RegisterDtos.DeclinedRequest;
import eu.taskforce.transparency.query.RegisterDtos.Meeting;
import eu.taskforce.transparency.query.RegisterDtos.MeetingPaper;
import eu.taskforce.transparency.query.RegisterDtos.OrganisationRef;
import eu.taskforce.transparency.query.RegisterDtos.WithheldPart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static eu.taskforce.transparency.query.Rows.date;
import static eu.taskforce.transparency.query.Rows.json;
import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/** The lists of meetings: held, upcoming, declined requests, decisions. */
public final class MeetingLists {

    private static final String MEETING_COLUMNS = "m.id, m.title, m.kind, m.format, m.starts_at, m.ends_at, m.time_zone, "
            + "m.location, m.status, m.cancellation_reason, m.agenda, m.agenda_revision, m.attendance, "
            + "m.individual_attendees, m.summary, m.withheld_parts, m.summary_published_at, m.summary_due_on, m.request_id";
    private static final String STARTS = Rows.utcKey("m.starts_at");

    public static Meeting meeting(ResultSet row) throws SQLException {
        String status = row.getString("status");
        boolean summaryPublished = "SUMMARY_PUBLISHED".equals(status);
        return new Meeting(uuid(row, "id"), row.getString("title"), row.getString("kind"), row.getString("format"),
                time(row, "starts_at"), time(row, "ends_at"), row.getString("time_zone"), row.getString("location"),
                status, row.getString("cancellation_reason"),
                json(row.getString("agenda"), new TypeReference<List<AgendaItem>>() { }), row.getInt("agenda_revision"),
                json(row.getString("attendance"), new TypeReference<List<OrganisationRef>>() { }),
                (Integer) row.getObject("individual_attendees"), row.getString("summary"),
                json(row.getString("withheld_parts"), new TypeReference<List<WithheldPart>>() { }),
                time(row, "summary_published_at"), summaryPublished ? null : date(row, "summary_due_on"),
                uuid(row, "request_id"));
    }

    private static final List<Column<Meeting>> MEETING_CSV = List.of(
            new Column<>("id", Meeting::id), new Column<>("title", Meeting::title), new Column<>("kind", Meeting::kind),
            new Column<>("format", Meeting::format), new Column<>("startsAt", Meeting::startsAt),
            new Column<>("endsAt", Meeting::endsAt), new Column<>("timeZone", Meeting::timeZone),
            new Column<>("location", Meeting::location), new Column<>("status", Meeting::status),
            new Column<>("agenda", m -> m.agenda() == null ? null : m.agenda().stream()
                    .map(i -> i.position() + ". " + i.title()).collect(Collectors.joining(";"))),
            new Column<>("attendance", m -> m.attendance() == null ? null : m.attendance().stream()
                    .map(OrganisationRef::organisationName).collect(Collectors.joining(";"))),
            new Column<>("individualAttendees", Meeting::individualAttendees),
            new Column<>("summary", Meeting::summary),
            new Column<>("withheldParts", m -> m.withheldParts() == null ? null : m.withheldParts().stream()
                    .map(w -> w.title() + " (" + w.reason() + ")").collect(Collectors.joining(";"))),
            new Column<>("summaryPublishedAt", Meeting::summaryPublishedAt));

    /** Meetings held, in the order they took place. */
    public static final PublicList<Meeting> HELD = new PublicList<>(new ListQuery<>(MEETING_COLUMNS,
            "meeting m where m.generation = :g and m.title is not null and m.status in ('HELD', 'SUMMARY_PUBLISHED')",
            STARTS, "m.id", "m.updated_at", MeetingLists::meeting), MEETING_CSV, "meetings.csv");

    /** The meetings to come at {@code now}. */
    public static PublicList.Selection<Meeting> upcoming(OffsetDateTime now) {
        return UPCOMING.with(Params.of().put("now", now));
    }

    /** Meetings to come (not held, not cancelled, not yet ended at {@code :now}), soonest first. */
    public static final PublicList<Meeting> UPCOMING = new PublicList<>(new ListQuery<>(MEETING_COLUMNS,
            "meeting m where m.generation = :g and m.title is not null and m.status in ('SCHEDULED', 'RESCHEDULED') "
                    + "and m.ends_at >= :now",
            STARTS, "m.id", "m.updated_at", MeetingLists::meeting), MEETING_CSV, "upcoming-meetings.csv")
            .changingWithTime();

    public static final PublicList<DeclinedRequest> DECLINED = new PublicList<>(new ListQuery<>(
            "q.id, q.organisation_id, q.organisation_name, q.topic, q.proposed_items, q.filed_at, q.supporters, q.decline_reason",
            "meeting_request q where q.generation = :g and q.status = 'DECLINED'",
            Rows.utcKey("q.updated_at"), "q.id", "q.updated_at",
            row -> new DeclinedRequest(uuid(row, "id"), uuid(row, "organisation_id"),
                    row.getString("organisation_name"), row.getString("topic"),
                    json(row.getString("proposed_items"), new TypeReference<List<String>>() { }),
                    time(row, "filed_at"), row.getInt("supporters"), row.getString("decline_reason"))),
            List.of(new Column<>("id", DeclinedRequest::id), new Column<>("organisationName", DeclinedRequest::organisationName),
                    new Column<>("topic", DeclinedRequest::topic),
                    new Column<>("proposedAgendaItems", r -> r.proposedAgendaItems() == null ? null
                            : String.join(";", r.proposedAgendaItems())),
                    new Column<>("filedAt", DeclinedRequest::filedAt), new Column<>("supporters", DeclinedRequest::supporters),
                    new Column<>("reason", DeclinedRequest::reason)), "declined-requests.csv");

    public static final PublicList<Decision> DECISIONS = new PublicList<>(new ListQuery<>(
            "d.id, d.question, d.threshold, d.meeting_id, d.status, d.closes_at, d.result, d.yes, d.no, d.abstain,"
                    + " d.closed_at, d.quorum, d.eligible, d.subject_kind, d.subject_id",
            "decision d where d.generation = :g and d.question is not null",
            Rows.utcKey("coalesce(d.closed_at, d.closes_at)"), "d.id", "d.updated_at",
            row -> new Decision(uuid(row, "id"), row.getString("question"), row.getString("threshold"),
                    uuid(row, "meeting_id"), row.getString("status"), time(row, "closes_at"), row.getString("result"),
                    (Integer) row.getObject("yes"), (Integer) row.getObject("no"), (Integer) row.getObject("abstain"),
                    time(row, "closed_at"), (Integer) row.getObject("quorum"), (Integer) row.getObject("eligible"),
                    DecisionLink.of(row.getString("subject_kind"), uuid(row, "subject_id")))),
            List.of(new Column<>("id", Decision::id), new Column<>("question", Decision::question),
                    new Column<>("threshold", Decision::threshold), new Column<>("meetingId", Decision::meetingId),
                    new Column<>("status", Decision::status), new Column<>("closesAt", Decision::closesAt),
                    new Column<>("result", Decision::result), new Column<>("yes", Decision::yes),
                    new Column<>("no", Decision::no), new Column<>("abstain", Decision::abstain),
                    new Column<>("closedAt", Decision::closedAt), new Column<>("quorum", Decision::quorum),
                    new Column<>("eligible", Decision::eligible),
                    new Column<>("subjectKind", d -> d.subject() == null ? null : d.subject().kind()),
                    new Column<>("subjectId", d -> d.subject() == null ? null : d.subject().id())), "decisions.csv");

    /** The papers of meetings held, in the order circulated (the register lists none of a meeting not held). */
    public static final PublicList<MeetingPaper> PAPERS = new PublicList<>(new ListQuery<>(
            "p.id, p.meeting_id, p.agenda_item, p.title, p.visibility, p.withholding_reason, p.circulated_at, p.due_on,"
                    + " p.late, p.media_type, p.size, p.sha256",
            "meeting_paper p join meeting m on m.generation = p.generation and m.id = p.meeting_id"
                    + " where p.generation = :g and m.status in ('HELD', 'SUMMARY_PUBLISHED')",
            Rows.utcKey("p.circulated_at"), "p.id", "p.updated_at", MeetingLists::paper),
            List.of(new Column<>("id", MeetingPaper::id), new Column<>("agendaItem", MeetingPaper::agendaItem),
                    new Column<>("title", MeetingPaper::title), new Column<>("disclosed", MeetingPaper::disclosed),
                    new Column<>("withholdingReason", MeetingPaper::withholdingReason),
                    new Column<>("circulatedAt", MeetingPaper::circulatedAt), new Column<>("dueOn", MeetingPaper::dueOn),
                    new Column<>("late", MeetingPaper::late), new Column<>("mediaType", MeetingPaper::mediaType),
                    new Column<>("size", MeetingPaper::size), new Column<>("sha256", MeetingPaper::sha256),
                    new Column<>("downloadPath", MeetingPaper::downloadPath)), "meeting-papers.csv");

    /** Where meeting-service serves a public paper's document without a token. */
    static final String PUBLIC_PAPERS = "/api/v1/meetings/public-papers/";

    private static MeetingPaper paper(ResultSet row) throws SQLException {
        boolean disclosed = "PUBLIC".equals(row.getString("visibility"));
        return new MeetingPaper(uuid(row, "id"), uuid(row, "meeting_id"), (Integer) row.getObject("agenda_item"),
                row.getString("title"), disclosed, row.getString("visibility"), row.getString("withholding_reason"),
                time(row, "circulated_at"), date(row, "due_on"), row.getBoolean("late"), row.getString("media_type"),
                row.getLong("size"), row.getString("sha256"), disclosed ? PUBLIC_PAPERS + uuid(row, "id") : null);
    }

    /** The papers of one meeting held. */
    public static PublicList.Selection<MeetingPaper> papers(UUID meetingId) {
        return PAPERS.all().when(meetingId, "meetingId", "p.meeting_id = :meetingId");
    }

    private MeetingLists() {
    }
}
