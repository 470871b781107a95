package eu.taskforce.transparency.query;

import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.Disclosure;
import eu.taskforce.transparency.query.RegisterDtos.Withdrawal;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/** People's names as served: the disclosed openings, the withdrawn commitments, and why a value is withheld. */
@ApplicationScoped
public class DisclosureQueries {

    public static final ListQuery<Disclosure> DISCLOSURES = new ListQuery<>(
            "d.commitment, d.field, d.ref, d.salt, d.value, d.disclosed_at",
            "person_disclosure d where true", "d.commitment", "d.commitment", "d.disclosed_at",
            row -> new Disclosure(row.getString("commitment"), row.getString("field"), uuid(row, "ref"),
                    row.getString("salt"), row.getString("value"), time(row, "disclosed_at")));

    public static final ListQuery<Withdrawal> WITHDRAWALS = new ListQuery<>(
            "w.commitment, w.ref, w.reason, w.withdrawn_at",
            "disclosure_withdrawal w where true",
            "to_char(w.withdrawn_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS')", "w.commitment", "w.withdrawn_at",
            row -> new Withdrawal(row.getString("commitment"), uuid(row, "ref"), row.getString("reason"),
                    time(row, "withdrawn_at")));

    private final ReadModel readModel;

    public DisclosureQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** The opening of {@code commitment}, while its value is disclosed. */
    public Optional<Disclosure> opening(String commitment) {
        return readModel.query("select " + DISCLOSURES.select() + " from person_disclosure d where d.commitment = :c",
                Params.of().put("c", commitment), DISCLOSURES.mapper()).stream().findFirst();
    }

    /** Why the value of {@code commitment} is not shown (PENDING, NOT_DISCLOSED, CONSENT_WITHDRAWN, ...). */
    public String withheld(String commitment) {
        return readModel.query("select person_withheld(:c) as withheld", Params.of().put("c", commitment),
                row -> row.getString(1)).get(0);
    }
}
