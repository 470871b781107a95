package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.transparency.query.PublicList.Column;
import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.VademecumEdition;
import eu.taskforce.transparency.query.RegisterDtos.VademecumEditionSummary;
import eu.taskforce.transparency.query.RegisterDtos.VademecumParticipant;
import eu.taskforce.transparency.query.RegisterDtos.VademecumSection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

import static eu.taskforce.transparency.query.Rows.date;
import static eu.taskforce.transparency.query.Rows.json;
import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/** The Vademecum's published editions: the current one, one by its number, and the list of all. */
@ApplicationScoped
public class VademecumQueries {

    /**
     * The participants as frozen, each representative's name joined from the disclosed opening of its commitment (or
     * why it is withheld), in the order the edition lists them.
     */
    private static final String PARTICIPANTS = """
            (select coalesce(jsonb_agg((p - 'representatives') || jsonb_build_object('representatives',
                (select coalesce(jsonb_agg(jsonb_build_object(
                        'name', person_value(r -> 'publicName' ->> 'commitment'), 'role', r ->> 'role',
                        'nameCommitment', r -> 'publicName' ->> 'commitment',
                        'nameWithheld', person_withheld(r -> 'publicName' ->> 'commitment')) order by ro), '[]'::jsonb)
                 from jsonb_array_elements(p -> 'representatives') with ordinality as rr(r, ro))) order by po), '[]'::jsonb)
             from jsonb_array_elements(e.participants::jsonb) with ordinality as pp(p, po))::text as participants""";
    private static final String EDITION = "select e.id, e.number, e.published_on, e.published_at, e.sections, "
            + "(select min(n.number) from vademecum_edition n where n.generation = e.generation and n.number > e.number)"
            + " as superseded_by, " + PARTICIPANTS + " from vademecum_edition e where e.generation = :g ";

    /** Every published edition, by number. */
    public static final PublicList<VademecumEditionSummary> EDITIONS = new PublicList<>(new ListQuery<>(
            "e.id, e.number, e.published_on, e.published_at, json_array_length(e.participants::json) as participants",
            "vademecum_edition e where e.generation = :g",
            "lpad(e.number::text, 10, '0')", "e.id", "e.updated_at",
            row -> new VademecumEditionSummary(uuid(row, "id"), row.getInt("number"), date(row, "published_on"),
                    time(row, "published_at"), row.getInt("participants"))),
            List.of(new Column<>("number", VademecumEditionSummary::number),
                    new Column<>("publishedOn", VademecumEditionSummary::publishedOn)), "vademecum-editions.csv");

    private final ReadModel readModel;

    public VademecumQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** The latest edition published. */
    public Optional<VademecumEdition> current() {
        return readModel.query(EDITION + "order by e.number desc limit 1", Params.of(), VademecumQueries::edition)
                .stream().findFirst();
    }

    public Optional<VademecumEdition> edition(int number) {
        return readModel.query(EDITION + "and e.number = :number order by e.id limit 1",
                Params.of().put("number", number), VademecumQueries::edition).stream().findFirst();
    }

    /** The first {@code limit} editions, by number (for the HTML page's list of editions). */
    public List<VademecumEditionSummary> editions(int limit) {
        return readModel.page(EDITIONS.query(), Params.of(), null, null, limit).stream().limit(limit)
                .map(ReadModel.Row::item).toList();
    }

    private static VademecumEdition edition(java.sql.ResultSet row) throws java.sql.SQLException {
        Object superseded = row.getObject("superseded_by");
        return new VademecumEdition(uuid(row, "id"), row.getInt("number"), date(row, "published_on"),
                time(row, "published_at"), superseded == null ? null : ((Number) superseded).intValue(),
                json(row.getString("sections"), new TypeReference<List<VademecumSection>>() { }),
                json(row.getString("participants"), new TypeReference<List<VademecumParticipant>>() { }));
    }
}
