package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.AdHocGroup;
import eu.taskforce.transparency.query.RegisterDtos.AgendaItem;
import eu.taskforce.transparency.query.RegisterDtos.Decision;
import eu.taskforce.transparency.query.RegisterDtos.DeclinedRequest;
import eu.taskforce.transparency.query.RegisterDtos.GroupRef;
import eu.taskforce.transparency.query.RegisterDtos.Meeting;
import eu.taskforce.transparency.query.RegisterDtos.MembershipPeriod;
import eu.taskforce.transparency.query.RegisterDtos.OrganisationRef;
import eu.taskforce.transparency.query.RegisterDtos.Participant;
import eu.taskforce.transparency.query.RegisterDtos.PublicRepresentative;
import eu.taskforce.transparency.query.RegisterDtos.Signatory;
import eu.taskforce.transparency.query.RegisterDtos.Stakeholder;
import eu.taskforce.transparency.query.RegisterDtos.WithheldPart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lists of the register: one query each, shared by the JSON pages and the CSV exports, and the CSV columns.
 * Sort keys are text that sorts like the value (timestamps as YYYYMMDDHH24MISSUS in UTC), so that a cursor holds it.
 */
public final class RegisterLists {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A CSV column: its header and how to read it from an item. */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    public record Export<T>(ListQuery<T> query, List<Column<T>> columns) {
    }

    /**
     * A list with the filters of one request: each filter given adds its condition and its named parameter, so that
     * the JSON page and the CSV export of a list filter alike.
     */
    public static final class Filtered<T> {
        private Export<T> export;
        private final Params params = Params.of();

        public Filtered(Export<T> export) {
            this.export = export;
        }

        /** Adds {@code condition} (which names {@code :name}) when {@code value} is given. */
        public Filtered<T> when(Object value, String name, String condition) {
            if (value != null) {
                export = new Export<>(export.query().and(condition), export.columns());
                params.put(name, value);
            }
            return this;
        }

        public Export<T> export() {
            return export;
        }

        public Params params() {
            return params;
        }
    }

    private static final String REPRESENTATIVES = """
            (select coalesce(json_agg(json_build_object('name', person_value(r.name_commitment), 'role', r.role,
                        'nameCommitment', r.name_commitment, 'nameWithheld', person_withheld(r.name_commitment))
                    order by r.role desc, person_value(r.name_commitment), r.id), '[]')
             from representative r where r.generation = o.generation and r.organisation_id = o.id
             and r.name_commitment is not null)::text as representatives""";
    private static final String GROUPS = """
            (select coalesce(json_agg(json_build_object('id', gp.group_id, 'name', grp.name) order by grp.name, gp.group_id), '[]')
             from ad_hoc_group_participant gp join ad_hoc_group grp on grp.generation = gp.generation and grp.id = gp.group_id
             where gp.generation = o.generation and gp.organisation_id = o.id)::text as groups""";
    private static final String MEMBER_ON = """
            p.generation = o.generation and p.organisation_id = o.id and p.joined_on is not null
            and p.joined_on <= :on and (p.left_on is null or p.left_on >= :on)""";

    /** Members on the day {@code :on}. */
    public static final Export<Participant> PARTICIPANTS = new Export<>(new ListQuery<>(
            "o.id, o.name, o.country, o.website, o.chapters, (select max(p.joined_on) from membership_period p where "
                    + MEMBER_ON + ") as member_since, " + REPRESENTATIVES + ", " + GROUPS,
            "organisation o where o.generation = :g and o.name is not null and exists (select 1 from membership_period p where "
                    + MEMBER_ON + ")",
            "lower(o.name)", "o.id", "o.updated_at",
            row -> new Participant(uuid(row, "id"), row.getString("name"), row.getString("country"),
                    row.getString("website"), chapters(row.getString("chapters")), date(row, "member_since"),
                    json(row.getString("representatives"), new TypeReference<List<PublicRepresentative>>() { }),
                    json(row.getString("groups"), new TypeReference<List<GroupRef>>() { }))),
            List.of(new Column<>("organisationId", Participant::organisationId), new Column<>("name", Participant::name),
                    new Column<>("country", Participant::country), new Column<>("website", Participant::website),
                    new Column<>("chapters", p -> String.join(";", p.chapters())),
                    new Column<>("memberSince", Participant::memberSince),
                    new Column<>("representatives", p -> p.representatives().stream()
                            .map(r -> (r.name() != null ? r.name() : "[name withheld: " + r.nameWithheld() + "]")
                                    + " (" + r.role() + ")").collect(Collectors.joining(";"))),
                    new Column<>("adHocGroups", p -> p.adHocGroups().stream().map(GroupRef::name)
                            .collect(Collectors.joining(";")))));

    public static final Export<MembershipPeriod> PERIODS = new Export<>(new ListQuery<>(
            "p.id, p.organisation_id, o.name, p.joined_on, p.left_on",
            "membership_period p join organisation o on o.generation = p.generation and o.id = p.organisation_id "
                    + "where p.generation = :g and p.joined_on is not null",
            "to_char(p.joined_on, 'YYYYMMDD')", "p.id", "p.updated_at",
            row -> new MembershipPeriod(uuid(row, "id"), uuid(row, "organisation_id"), row.getString("name"),
                    date(row, "joined_on"), date(row, "left_on"))),
            List.of(new Column<>("membershipId", MembershipPeriod::membershipId),
                    new Column<>("organisationId", MembershipPeriod::organisationId),
                    new Column<>("organisationName", MembershipPeriod::organisationName),
                    new Column<>("joinedOn", MembershipPeriod::joinedOn), new Column<>("leftOn", MembershipPeriod::leftOn)));

    public static final Export<Signatory> SIGNATORIES = new Export<>(new ListQuery<>(
            "o.id, o.name, o.country, o.website, o.chapters, o.signed_on, o.withdrawn_on",
            "organisation o where o.generation = :g and o.signatory",
            "lower(o.name)", "o.id", "o.updated_at",
            row -> new Signatory(uuid(row, "id"), row.getString("name"), row.getString("country"),
                    row.getString("website"), chapters(row.getString("chapters")), date(row, "signed_on"),
                    date(row, "withdrawn_on"))),
            List.of(new Column<>("id", Signatory::id), new Column<>("name", Signatory::name),
                    new Column<>("country", Signatory::country), new Column<>("website", Signatory::website),
                    new Column<>("chapters", s -> String.join(";", s.chapters())),
                    new Column<>("signedOn", Signatory::signedOn), new Column<>("withdrawnOn", Signatory::withdrawnOn)));

    /** A person's values are joined from person_disclosure when served; an organisation's are its own columns. */
    public static final Export<Stakeholder> STAKEHOLDERS = new Export<>(new ListQuery<>(
            "s.id, s.kind, coalesce(s.name, person_value(s.name_commitment)) as name, "
                    + "coalesce(s.field_of_expertise, person_value(s.field_of_expertise_commitment)) as field, "
                    + "s.name_commitment, person_withheld(s.name_commitment) as name_withheld, "
                    + "s.field_of_expertise_commitment, "
                    + "person_withheld(s.field_of_expertise_commitment) as field_withheld",
            "stakeholder s where s.generation = :g",
            "lower(coalesce(s.name, person_value(s.name_commitment), ''))", "s.id", "s.updated_at",
            row -> new Stakeholder(uuid(row, "id"), row.getString("kind"), row.getString("name"),
                    row.getString("field"), row.getString("name_commitment"), row.getString("name_withheld"),
                    row.getString("field_of_expertise_commitment"), row.getString("field_withheld"))),
            List.of(new Column<>("id", Stakeholder::id), new Column<>("kind", Stakeholder::kind),
                    new Column<>("name", Stakeholder::name),
                    new Column<>("fieldOfExpertise", Stakeholder::fieldOfExpertise),
                    new Column<>("nameCommitment", Stakeholder::nameCommitment),
                    new Column<>("nameWithheld", Stakeholder::nameWithheld),
                    new Column<>("fieldOfExpertiseCommitment", Stakeholder::fieldOfExpertiseCommitment),
                    new Column<>("fieldOfExpertiseWithheld", Stakeholder::fieldOfExpertiseWithheld)));

    public static final Export<AdHocGroup> GROUPS_LIST = new Export<>(new ListQuery<>(
            "grp.id, grp.name, grp.description, (select coalesce(json_agg(json_build_object('organisationId', gp.organisation_id, "
                    + "'organisationName', gp.organisation_name) order by gp.organisation_name, gp.organisation_id), '[]') "
                    + "from ad_hoc_group_participant gp where gp.generation = grp.generation and gp.group_id = grp.id)::text as participants",
            "ad_hoc_group grp where grp.generation = :g and grp.name is not null",
            "lower(grp.name)", "grp.id", "grp.updated_at",
            row -> new AdHocGroup(uuid(row, "id"), row.getString("name"), row.getString("description"),
                    json(row.getString("participants"), new TypeReference<List<OrganisationRef>>() { }))),
            List.of(new Column<>("id", AdHocGroup::id), new Column<>("name", AdHocGroup::name),
                    new Column<>("description", AdHocGroup::description),
                    new Column<>("participants", g -> g.participants().stream().map(OrganisationRef::organisationName)
                            .collect(Collectors.joining(";")))));

    private static final String MEETING_COLUMNS = "m.id, m.title, m.kind, m.format, m.starts_at, m.ends_at, m.time_zone, "
            + "m.location, m.status, m.cancellation_reason, m.agenda, m.agenda_revision, m.attendance, "
            + "m.individual_attendees, m.summary, m.withheld_parts, m.summary_published_at, m.summary_due_on, m.request_id";
    private static final String STARTS = "to_char(m.starts_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS')";

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
    public static final Export<Meeting> HELD = new Export<>(new ListQuery<>(MEETING_COLUMNS,
            "meeting m where m.generation = :g and m.title is not null and m.status in ('HELD', 'SUMMARY_PUBLISHED')",
            STARTS, "m.id", "m.updated_at", RegisterLists::meeting), MEETING_CSV);

    /** Meetings to come (not held, not cancelled, not yet ended at {@code :now}), soonest first. */
    public static final Export<Meeting> UPCOMING = new Export<>(new ListQuery<>(MEETING_COLUMNS,
            "meeting m where m.generation = :g and m.title is not null and m.status in ('SCHEDULED', 'RESCHEDULED') "
                    + "and m.ends_at >= :now",
            STARTS, "m.id", "m.updated_at", RegisterLists::meeting), MEETING_CSV);

    public static final Export<DeclinedRequest> DECLINED = new Export<>(new ListQuery<>(
            "q.id, q.organisation_id, q.organisation_name, q.topic, q.proposed_items, q.filed_at, q.supporters, q.decline_reason",
            "meeting_request q where q.generation = :g and q.status = 'DECLINED'",
            "to_char(q.updated_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS')", "q.id", "q.updated_at",
            row -> new DeclinedRequest(uuid(row, "id"), uuid(row, "organisation_id"),
                    row.getString("organisation_name"), row.getString("topic"),
                    json(row.getString("proposed_items"), new TypeReference<List<String>>() { }),
                    time(row, "filed_at"), row.getInt("supporters"), row.getString("decline_reason"))),
            List.of(new Column<>("id", DeclinedRequest::id), new Column<>("organisationName", DeclinedRequest::organisationName),
                    new Column<>("topic", DeclinedRequest::topic),
                    new Column<>("proposedAgendaItems", r -> r.proposedAgendaItems() == null ? null
                            : String.join(";", r.proposedAgendaItems())),
                    new Column<>("filedAt", DeclinedRequest::filedAt), new Column<>("supporters", DeclinedRequest::supporters),
                    new Column<>("reason", DeclinedRequest::reason)));

    public static final Export<Decision> DECISIONS = new Export<>(new ListQuery<>(
            "d.id, d.question, d.threshold, d.meeting_id, d.status, d.closes_at, d.result, d.yes, d.no, d.abstain, d.closed_at",
            "decision d where d.generation = :g and d.question is not null",
            "to_char(coalesce(d.closed_at, d.closes_at) at time zone 'UTC', 'YYYYMMDDHH24MISSUS')", "d.id", "d.updated_at",
            row -> new Decision(uuid(row, "id"), row.getString("question"), row.getString("threshold"),
                    uuid(row, "meeting_id"), row.getString("status"), time(row, "closes_at"), row.getString("result"),
                    (Integer) row.getObject("yes"), (Integer) row.getObject("no"), (Integer) row.getObject("abstain"),
                    time(row, "closed_at"))),
            List.of(new Column<>("id", Decision::id), new Column<>("question", Decision::question),
                    new Column<>("threshold", Decision::threshold), new Column<>("meetingId", Decision::meetingId),
                    new Column<>("status", Decision::status), new Column<>("closesAt", Decision::closesAt),
                    new Column<>("result", Decision::result), new Column<>("yes", Decision::yes),
                    new Column<>("no", Decision::no), new Column<>("abstain", Decision::abstain),
                    new Column<>("closedAt", Decision::closedAt)));

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private static List<String> chapters(String chapters) {
        return chapters == null || chapters.isEmpty() ? List.of() : Arrays.asList(chapters.split(","));
    }

    public static <T> T json(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("A read-model column is not the JSON expected", e);
        }
    }

    private RegisterLists() {
    }
}
