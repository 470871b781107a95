package eu.taskforce.transparency.query;

import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.AttendedMeeting;
import eu.taskforce.transparency.query.RegisterDtos.GivenInput;
import eu.taskforce.transparency.query.RegisterDtos.GroupRef;
import eu.taskforce.transparency.query.RegisterDtos.Stakeholder;
import eu.taskforce.transparency.query.RegisterDtos.StakeholderHistory;
import eu.taskforce.transparency.query.RegisterDtos.StakeholderHistoryLimits;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/**
 * A stakeholder's history in the register: the ad-hoc groups it takes part in, the meetings it attended and the public
 * evidence it submitted under its name. Only for a
 * stakeholder listed publicly (its row in {@code stakeholder} exists only then, and goes on withdrawal, removal or
 * erasure); the history rows themselves are ids, and show nothing of anyone else.
 */
@ApplicationScoped
public class StakeholderHistories {

    private final ReadModel readModel;

    public StakeholderHistories(ReadModel readModel) {
        this.readModel = readModel;
    }

    public Optional<StakeholderHistory> history(UUID id) {
        var stakeholders = MembershipLists.STAKEHOLDERS.all().query().and("s.id = :id");
        Optional<Stakeholder> stakeholder = readModel.query("select " + stakeholders.select() + " from "
                + stakeholders.from(), Params.of().put("id", id), stakeholders.mapper()).stream().findFirst();
        return stakeholder.map(s -> new StakeholderHistory(s, groups(id), meetings(id), input(id)));
    }

    private List<GroupRef> groups(UUID id) {
        return readModel.query("""
                        select grp.id, grp.name from ad_hoc_group_stakeholder gs
                        join ad_hoc_group grp on grp.generation = gs.generation and grp.id = gs.group_id
                        where gs.generation = :g and gs.stakeholder_id = :id and grp.name is not null
                        order by lower(grp.name), grp.id limit :limit""",
                Params.of().put("id", id).put("limit", StakeholderHistoryLimits.GROUPS),
                row -> new GroupRef(uuid(row, "id"), row.getString("name")));
    }

    /** Meetings held (with or without their summary yet) that it attended, most recent first. */
    private List<AttendedMeeting> meetings(UUID id) {
        return readModel.query("""
                        select m.id, m.title, m.kind, m.starts_at from meeting_stakeholder ms
                        join meeting m on m.generation = ms.generation and m.id = ms.meeting_id
                        where ms.generation = :g and ms.stakeholder_id = :id and m.title is not null
                        and m.status in ('HELD', 'SUMMARY_PUBLISHED')
                        order by m.starts_at desc, m.id limit :limit""",
                Params.of().put("id", id).put("limit", StakeholderHistoryLimits.MEETINGS),
                row -> new AttendedMeeting(uuid(row, "id"), row.getString("title"), row.getString("kind"),
                        time(row, "starts_at")));
    }

    /** Public evidence it submitted ATTRIBUTED (the only kind whose event names the stakeholder), most recent first. */
    private List<GivenInput> input(UUID id) {
        return readModel.query("""
                        select e.id, e.title, e.type, e.submitted_at from evidence e
                        where e.generation = :g and e.stakeholder_id = :id and e.attribution = 'ATTRIBUTED'
                        and e.title is not null
                        order by e.submitted_at desc, e.id limit :limit""",
                Params.of().put("id", id).put("limit", StakeholderHistoryLimits.INPUT),
                row -> new GivenInput(uuid(row, "id"), row.getString("title"), row.getString("type"),
                        time(row, "submitted_at")));
    }
}
