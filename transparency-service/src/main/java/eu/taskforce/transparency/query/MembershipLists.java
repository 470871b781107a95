package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.transparency.query.PublicList.Column;
import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.AdHocGroup;
import eu.taskforce.transparency.query.RegisterDtos.GroupRef;
import eu.taskforce.transparency.query.RegisterDtos.MembershipPeriod;
import eu.taskforce.transparency.query.RegisterDtos.OrganisationRef;
import eu.taskforce.transparency.query.RegisterDtos.Participant;
import eu.taskforce.transparency.query.RegisterDtos.PublicRepresentative;
import eu.taskforce.transparency.query.RegisterDtos.Signatory;
import eu.taskforce.transparency.query.RegisterDtos.Stakeholder;
import eu.taskforce.transparency.query.RegisterDtos.StakeholderRef;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static eu.taskforce.transparency.query.Rows.date;
import static eu.taskforce.transparency.query.Rows.json;
import static eu.taskforce.transparency.query.Rows.uuid;

/** The lists of who takes part: members on a day, membership periods, signatories, stakeholders, ad-hoc groups. */
public final class MembershipLists {

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

    /** The members on {@code day}. */
    public static PublicList.Selection<Participant> participantsOn(LocalDate day) {
        return PARTICIPANTS.with(Params.of().put("on", day));
    }

    /** Members on the day {@code :on}. */
    public static final PublicList<Participant> PARTICIPANTS = new PublicList<>(new ListQuery<>(
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
                            .collect(Collectors.joining(";")))), "participants.csv");

    public static final PublicList<MembershipPeriod> PERIODS = new PublicList<>(new ListQuery<>(
            "p.id, p.organisation_id, o.name, p.joined_on, p.left_on",
            "membership_period p join organisation o on o.generation = p.generation and o.id = p.organisation_id "
                    + "where p.generation = :g and p.joined_on is not null",
            Rows.dayKey("p.joined_on"), "p.id", "p.updated_at",
            row -> new MembershipPeriod(uuid(row, "id"), uuid(row, "organisation_id"), row.getString("name"),
                    date(row, "joined_on"), date(row, "left_on"))),
            List.of(new Column<>("membershipId", MembershipPeriod::membershipId),
                    new Column<>("organisationId", MembershipPeriod::organisationId),
                    new Column<>("organisationName", MembershipPeriod::organisationName),
                    new Column<>("joinedOn", MembershipPeriod::joinedOn), new Column<>("leftOn", MembershipPeriod::leftOn)),
            "membership-periods.csv");

    public static final PublicList<Signatory> SIGNATORIES = new PublicList<>(new ListQuery<>(
            "o.id, o.name, o.country, o.website, o.chapters, o.signed_on, o.withdrawn_on",
            "organisation o where o.generation = :g and o.signatory",
            "lower(o.name)", "o.id", "o.updated_at",
            row -> new Signatory(uuid(row, "id"), row.getString("name"), row.getString("country"),
                    row.getString("website"), chapters(row.getString("chapters")), date(row, "signed_on"),
                    date(row, "withdrawn_on"))),
            List.of(new Column<>("id", Signatory::id), new Column<>("name", Signatory::name),
                    new Column<>("country", Signatory::country), new Column<>("website", Signatory::website),
                    new Column<>("chapters", s -> String.join(";", s.chapters())),
                    new Column<>("signedOn", Signatory::signedOn), new Column<>("withdrawnOn", Signatory::withdrawnOn)),
            "signatories.csv");

    /**
     * A person's values are joined from person_disclosure when served; an organisation's are its own columns. Sorted
     * by {@code sort_name}, the name in lower case that the database keeps on the row while it is disclosed (V16).
     */
    public static final PublicList<Stakeholder> STAKEHOLDERS = new PublicList<>(new ListQuery<>(
            "s.id, s.kind, coalesce(s.name, person_value(s.name_commitment)) as name, "
                    + "coalesce(s.field_of_expertise, person_value(s.field_of_expertise_commitment)) as field, "
                    + "s.name_commitment, person_withheld(s.name_commitment) as name_withheld, "
                    + "s.field_of_expertise_commitment, "
                    + "person_withheld(s.field_of_expertise_commitment) as field_withheld",
            "stakeholder s where s.generation = :g",
            "s.sort_name", "s.id", "s.updated_at",
            row -> new Stakeholder(uuid(row, "id"), row.getString("kind"), row.getString("name"),
                    row.getString("field"), row.getString("name_commitment"), row.getString("name_withheld"),
                    row.getString("field_of_expertise_commitment"), row.getString("field_withheld"))),
            List.of(new Column<>("id", Stakeholder::id), new Column<>("kind", Stakeholder::kind),
                    new Column<>("name", Stakeholder::name),
                    new Column<>("fieldOfExpertise", Stakeholder::fieldOfExpertise),
                    new Column<>("nameCommitment", Stakeholder::nameCommitment),
                    new Column<>("nameWithheld", Stakeholder::nameWithheld),
                    new Column<>("fieldOfExpertiseCommitment", Stakeholder::fieldOfExpertiseCommitment),
                    new Column<>("fieldOfExpertiseWithheld", Stakeholder::fieldOfExpertiseWithheld)),
            "stakeholders.csv");

    /** The group's stakeholders listed publicly (a stakeholder's row exists only while it is). */
    private static final String GROUP_STAKEHOLDERS = """
            (select coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind,
                        'name', coalesce(s.name, person_value(s.name_commitment)), 'nameCommitment', s.name_commitment,
                        'nameWithheld', person_withheld(s.name_commitment)) order by s.id), '[]')
             from ad_hoc_group_stakeholder gs join stakeholder s on s.generation = gs.generation and s.id = gs.stakeholder_id
             where gs.generation = grp.generation and gs.group_id = grp.id)::text as stakeholders""";

    public static final PublicList<AdHocGroup> GROUPS_LIST = new PublicList<>(new ListQuery<>(
            "grp.id, grp.name, grp.description, (select coalesce(json_agg(json_build_object('organisationId', gp.organisation_id, "
                    + "'organisationName', gp.organisation_name) order by gp.organisation_name, gp.organisation_id), '[]') "
                    + "from ad_hoc_group_participant gp where gp.generation = grp.generation and gp.group_id = grp.id)::text as participants, "
                    + GROUP_STAKEHOLDERS,
            "ad_hoc_group grp where grp.generation = :g and grp.name is not null",
            "lower(grp.name)", "grp.id", "grp.updated_at",
            row -> new AdHocGroup(uuid(row, "id"), row.getString("name"), row.getString("description"),
                    json(row.getString("participants"), new TypeReference<List<OrganisationRef>>() { }),
                    json(row.getString("stakeholders"), new TypeReference<List<StakeholderRef>>() { }))),
            List.of(new Column<>("id", AdHocGroup::id), new Column<>("name", AdHocGroup::name),
                    new Column<>("description", AdHocGroup::description),
                    new Column<>("participants", g -> g.participants().stream().map(OrganisationRef::organisationName)
                            .collect(Collectors.joining(";")))), "ad-hoc-groups.csv");

    private static List<String> chapters(String chapters) {
        return chapters == null || chapters.isEmpty() ? List.of() : Arrays.asList(chapters.split(","));
    }

    private MembershipLists() {
    }
}
