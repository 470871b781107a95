package eu.taskforce.membership.domain;

import eu.taskforce.contracts.membership.Opening;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published personal value: its commitment, which events and the register's log keep forever, and while it is
 * published its opening (salt and value). Withdrawn, the opening is emptied for good: the commitment then says nothing.
 */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

    /** Why a value is no longer published; ERASED when the person's data was erased. */
    public enum Reason { CONSENT_WITHDRAWN, RECTIFIED, ERASED }

    @Id
    public String commitment;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public String field;

    public String salt;

    public String value;

    @Column(name = "disclosed_at", nullable = false)
    public OffsetDateTime disclosedAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    public Opening opening() {
        return new Opening(field, subjectId, salt, value);
    }

    public static Optional<Disclosure> current(UUID subjectId, String field) {
        return find("subjectId = ?1 and field = ?2 and withdrawnAt is null", subjectId, field).firstResultOptional();
    }

    public static List<Disclosure> currentOf(UUID subjectId) {
        return list("subjectId = ?1 and withdrawnAt is null order by field", subjectId);
    }

    /** Every commitment ever published for the subject, oldest first. */
    public static List<Disclosure> allOf(UUID subjectId) {
        return list("subjectId = ?1 order by disclosedAt, commitment", subjectId);
    }

    /** The opening of a value that is published now. */
    public static Optional<Opening> openingOf(String commitment) {
        return Disclosure.<Disclosure>find("commitment = ?1 and withdrawnAt is null", commitment).firstResultOptional()
                .map(Disclosure::opening);
    }

    public void withdraw(Reason reason, OffsetDateTime at) {
        salt = null;
        value = null;
        withdrawnAt = at;
        withdrawnReason = reason.name();
    }
}
