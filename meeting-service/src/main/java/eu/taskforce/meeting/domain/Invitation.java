package eu.taskforce.meeting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * An invitation to a meeting: of a member organisation (any of its representatives answers, through a token whose
 * {@code org} claim names it) or of an individual stakeholder or expert (the identity-provider account they sign in
 * with). A withdrawn invitation (the organisation left the Taskforce) no longer gives access to the joining link.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "organisation_id")
    public UUID organisationId;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "stakeholder_id")
    public UUID stakeholderId;

    /** The stakeholder id was checked against the register when invited (false for invitations made before). */
    @Column(name = "stakeholder_checked", nullable = false)
    public boolean stakeholderChecked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvitationResponse response = InvitationResponse.PENDING;

    @Column(name = "responded_by")
    public String respondedBy;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;

    @Column(nullable = false)
    public boolean attended;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    /** The individual's account was erased: the invitation stays, without username and display name. */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean isActive() {
        return withdrawnAt == null;
    }

    public boolean isOrganisation() {
        return organisationId != null;
    }

    public static Optional<Invitation> ofOrganisation(UUID meetingId, UUID organisationId) {
        return find("meetingId = ?1 and organisationId = ?2", meetingId, organisationId).firstResultOptional();
    }

    public static Optional<Invitation> ofUsername(UUID meetingId, String username) {
        return find("meetingId = ?1 and lower(username) = lower(?2)", meetingId, username).firstResultOptional();
    }

    public static Optional<Invitation> ofStakeholder(UUID meetingId, UUID stakeholderId) {
        return find("meetingId = ?1 and stakeholderId = ?2", meetingId, stakeholderId).firstResultOptional();
    }

    /** The caller's own active invitation to a meeting: through its organisation or its account. */
    public static Optional<Invitation> activeFor(UUID meetingId, UUID organisationId, String username) {
        return find("meetingId = ?1 and withdrawnAt is null and (organisationId = ?2 or lower(username) = lower(?3))",
                meetingId, organisationId, username == null ? "" : username).firstResultOptional();
    }
}
