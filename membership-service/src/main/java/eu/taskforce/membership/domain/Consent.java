package eu.taskforce.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A consent that can be shown: whose, to what, to which version of the privacy notice, when, given by the person
 * themselves or recorded by the AI Office (and by whom), and when and how it was withdrawn. Holds no personal data
 * beyond ids.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    public enum SubjectType { REPRESENTATIVE, STAKEHOLDER }

    /** Who gave or withdrew it: the person with their own account, or the AI Office on their documented request. */
    public enum Channel { SELF, AI_OFFICE, ERASURE }

    /** The one purpose asked for today: publishing the person's name (a stakeholder's listing) in the register. */
    public static final String PUBLISH_IN_REGISTER = "PUBLISH_IN_REGISTER";

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "notice_version", nullable = false)
    public String noticeVersion;

    @Column(name = "given_at", nullable = false)
    public OffsetDateTime givenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_via", nullable = false)
    public Channel givenVia;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawn_via")
    public Channel withdrawnVia;

    public static Optional<Consent> current(UUID subjectId) {
        return find("subjectId = ?1 and purpose = ?2 and withdrawnAt is null", subjectId, PUBLISH_IN_REGISTER)
                .firstResultOptional();
    }

    /** Every consent of the subject, newest first (bounded: one row per consent given). */
    public static List<Consent> history(UUID subjectId) {
        return find("subjectId = ?1 order by givenAt desc, id", subjectId).page(0, 100).list();
    }
}
