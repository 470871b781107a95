package eu.taskforce.meeting.domain;

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

/** A member organisation's vote on a decision; one per organisation, replaced when it changes its mind. */
@Entity
@Table(name = "vote")
public class Vote extends PanacheEntityBase {

    /** The decision and the organisation: one vote per organisation. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "decision_id", nullable = false)
        public UUID decisionId;

        @Column(name = "organisation_id", nullable = false)
        public UUID organisationId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(decisionId, key.decisionId)
                    && Objects.equals(organisationId, key.organisationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(decisionId, organisationId);
        }
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VoteChoice choice;

    @Column(name = "cast_by", nullable = false)
    public String castBy;

    @Column(name = "cast_at", nullable = false)
    public OffsetDateTime castAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
