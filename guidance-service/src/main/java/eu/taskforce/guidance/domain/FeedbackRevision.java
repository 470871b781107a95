package eu.taskforce.guidance.domain;

import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One state of a feedback item, as it was submitted, edited or withdrawn: the history that is kept. */
@Entity
@Table(name = "feedback_revision")
public class FeedbackRevision extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "section_key")
    public String sectionKey;

    @Column(nullable = false)
    public String text;

    @Column(name = "proposed_text")
    public String proposedText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribution attribution;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Column(nullable = false)
    public boolean withdrawn;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    /** Records the item's current state as its revision. */
    public static FeedbackRevision of(Feedback feedback, String by) {
        FeedbackRevision revision = new FeedbackRevision();
        revision.key = new Key(feedback.id, feedback.revision);
        revision.sectionKey = feedback.sectionKey;
        revision.text = feedback.text;
        revision.proposedText = feedback.proposedText;
        revision.attribution = feedback.attribution;
        revision.visibility = feedback.visibility;
        revision.withdrawn = feedback.withdrawn;
        revision.changedBy = by;
        revision.changedAt = feedback.updatedAt;
        return revision;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "feedback_id", nullable = false)
        public UUID feedbackId;

        @Column(nullable = false)
        public int revision;

        public Key() {
        }

        public Key(UUID feedbackId, int revision) {
            this.feedbackId = feedbackId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && Objects.equals(k.feedbackId, feedbackId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(feedbackId, revision);
        }
    }
}
