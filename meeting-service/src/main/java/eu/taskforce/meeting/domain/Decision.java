package eu.taskforce.meeting.domain;

import eu.taskforce.contracts.meetings.DecisionResult;
import eu.taskforce.contracts.meetings.DecisionSubject;
import eu.taskforce.contracts.meetings.DecisionSubjectKind;
import eu.taskforce.contracts.meetings.DecisionThreshold;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A question the AI Office puts to the member organisations. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionThreshold threshold;

    @Column(name = "closes_at", nullable = false)
    public OffsetDateTime closesAt;

    @Column(name = "meeting_id")
    public UUID meetingId;

    /** The share of current member organisations, in percent, that must take part for the decision to have a result. */
    @Column(nullable = false)
    public int quorum;

    /** The member organisations at closing: their votes were counted, and the quorum was a share of them. */
    @Column(name = "eligible_organisations")
    public Integer eligible;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public DecisionSubjectKind subjectKind;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionStatus status;

    @Enumerated(EnumType.STRING)
    public DecisionResult result;

    @Column(name = "yes_votes")
    public Integer yes;

    @Column(name = "no_votes")
    public Integer no;

    @Column(name = "abstentions")
    public Integer abstain;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** What the decision decides, or null when the AI Office did not name it. */
    public DecisionSubject subject() {
        return subjectKind == null ? null : new DecisionSubject(subjectKind, subjectId);
    }

    /**
     * The result of a vote. NO_QUORUM when fewer of the {@code eligible} organisations took part (YES, NO or ABSTAIN)
     * than {@code quorum} percent of them. Otherwise the threshold decides, counted over YES and NO (abstentions count
     * towards the quorum, not the majority): SIMPLE_MAJORITY more YES than NO; TWO_THIRDS at least two thirds YES;
     * UNANIMITY at least one YES and no NO. Without a YES, nothing is adopted.
     */
    public static DecisionResult result(DecisionThreshold threshold, int quorum, int eligible, int yes, int no,
                                        int abstain) {
        if (eligible == 0 || 100L * (yes + no + abstain) < (long) quorum * eligible) {
            return DecisionResult.NO_QUORUM;
        }
        boolean adopted = yes > 0 && switch (threshold) {
            case SIMPLE_MAJORITY -> yes > no;
            case TWO_THIRDS -> 3L * yes >= 2L * (yes + no);
            case UNANIMITY -> no == 0;
        };
        return adopted ? DecisionResult.ADOPTED : DecisionResult.REJECTED;
    }
}
