package eu.taskforce.contracts.membership;

import java.util.UUID;

/**
 * A personal field (a person's name, a person's field of expertise) as events and the register's log carry it: a salted
 * commitment to the value, never the value. Whoever may read the value resolves the commitment to its {@link Opening}
 * while it exists: the public register serves the openings of names published with consent
 * ({@code GET /api/v1/public/register/disclosures/{commitment}}); after consent is withdrawn, the name rectified or
 * the person erased, the opening is gone and the commitment alone says nothing about the person.
 *
 * @param commitment {@code sha256:} and the hex SHA-256 of the opening's canonical JSON ({@link Opening#commitment()})
 * @param ref        the person the field belongs to: the representative's or stakeholder's id
 */
public record PersonalField(String commitment, UUID ref) {
}
