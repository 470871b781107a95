package eu.taskforce.meeting.service;

import eu.taskforce.meeting.domain.Invitation;
import eu.taskforce.meeting.domain.InvitationResponse;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.membership.RegisteredStakeholder;
import eu.taskforce.platform.membership.MembershipReplica.MemberJoined;
import eu.taskforce.platform.membership.MembershipReplica.MemberLeft;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Invitations. Every current member organisation is invited to a plenary when it is convened, and an organisation
 * that joins the Taskforce later is invited to the plenaries still to come; one that leaves loses its invitations to
 * meetings not yet held. The AI Office invites further organisations and individual stakeholders or experts (a
 * stakeholder by its checked id in membership-service's register, with the account it answers with); the invitees
 * answer.
 */
@ApplicationScoped
public class InvitationService {

    public static final String RECORD_TYPE = "Invitation";
    private static final Logger LOG = Logger.getLogger(InvitationService.class);
    /** Who acts when the membership replica applies an event. */
    static final Actor REPLICA = Actor.system("membership-replica");

    private final AuditTrail audit;
    private final Access access;

    public InvitationService(AuditTrail audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    /** Either an organisation, or an individual by the account it signs in with. */
    public record Invitee(UUID organisationId, String username, String displayName, UUID stakeholderId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void inviteCurrentMembers(Meeting meeting, Actor actor) {
        Set<UUID> invited = Invitation.<Invitation>list("meetingId = ?1 and organisationId is not null", meeting.id)
                .stream().map(i -> i.organisationId).collect(Collectors.toSet());
        int count = 0;
        for (MemberOrganisation member : MemberOrganisation.currentMembers()) {
            if (!invited.contains(member.id)) {
                organisationInvitation(meeting.id, member.id).persist();
                count++;
            }
        }
        if (count > 0) {
            audit.record(actor, "MEMBERS_INVITED", MeetingService.RECORD_TYPE, meeting.id);
        }
    }

    /** An organisation that joins the Taskforce is invited to every plenary still to come. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMemberJoined(@Observes MemberJoined joined) {
        for (Meeting meeting : Meeting.upcomingPlenaries(Timestamps.now())) {
            Invitation existing = Invitation.ofOrganisation(meeting.id, joined.organisationId()).orElse(null);
            if (existing == null) {
                Invitation invitation = organisationInvitation(meeting.id, joined.organisationId());
                invitation.persist();
                audit.record(REPLICA, "INVITED", RECORD_TYPE, invitation.id);
            } else if (!existing.isActive()) {
                reinstate(existing);
                audit.record(REPLICA, "INVITED", RECORD_TYPE, existing.id);
            }
        }
        LOG.debugf("Member %s invited to the plenaries to come", joined.organisationId());
    }

    /** An organisation that leaves the Taskforce is no longer invited to meetings not yet held. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMemberLeft(@Observes MemberLeft left) {
        List<Invitation> pending = Invitation.list("organisationId = ?1 and withdrawnAt is null and meetingId in"
                        + " (select m.id from Meeting m where m.status in ?2)", left.organisationId(),
                List.of(eu.taskforce.meeting.domain.MeetingStatus.SCHEDULED,
                        eu.taskforce.meeting.domain.MeetingStatus.RESCHEDULED));
        OffsetDateTime now = Timestamps.now();
        for (Invitation invitation : pending) {
            invitation.withdrawnAt = now;
            invitation.updatedAt = now;
            audit.record(REPLICA, "INVITATION_WITHDRAWN", RECORD_TYPE, invitation.id);
        }
    }

    /** The AI Office invites an organisation (a current member) or an individual to a meeting still to come. */
    @Transactional
    public Invitation invite(Meeting meeting, Invitee invitee) {
        access.requireAiOffice();
        MeetingService.requireUpcoming(meeting, "nobody more can be invited");
        boolean organisation = invitee.organisationId() != null;
        String username = MeetingService.blankToNull(invitee.username());
        if (organisation == (username != null)) {
            throw new InvalidInput(List.of(
                    new eu.taskforce.platform.problem.Problem.FieldError("organisationId",
                            "give either organisationId or username"),
                    new eu.taskforce.platform.problem.Problem.FieldError("username",
                            "give either organisationId or username")));
        }
        Invitation existing;
        if (invitee.stakeholderId() != null) {
            requireOnRegister(meeting.id, invitee.stakeholderId(), organisation, username);
        }
        if (organisation) {
            MemberOrganisation member = MemberOrganisation.currentMember(invitee.organisationId()).orElseThrow(() ->
                    ProblemException.conflict("Organisation " + invitee.organisationId()
                            + " is not a current member of the Taskforce"));
            existing = Invitation.ofOrganisation(meeting.id, member.id).orElse(null);
        } else {
            existing = Invitation.ofUsername(meeting.id, username).orElse(null);
        }
        if (existing != null && existing.isActive()) {
            throw ProblemException.conflict("This invitee is already invited (invitation " + existing.id + ")");
        }
        Invitation invitation;
        if (existing != null) {
            invitation = existing;
            reinstate(invitation);
        } else {
            invitation = organisation ? organisationInvitation(meeting.id, invitee.organisationId())
                    : individualInvitation(meeting.id, username);
        }
        if (!organisation) {
            invitation.displayName = MeetingService.blankToNull(invitee.displayName());
            invitation.stakeholderId = invitee.stakeholderId();
            invitation.stakeholderChecked = invitee.stakeholderId() != null;
        }
        if (existing == null) {
            invitation.persist();
        }
        audit.record(access.actor(), "INVITED", RECORD_TYPE, invitation.id);
        Invitation.flush();
        return invitation;
    }

    /**
     * A stakeholder is invited by its id in membership-service's register, checked against the replica: known, and
     * neither removed nor erased. An organisation is invited as a member, never as a stakeholder.
     */
    private static void requireOnRegister(UUID meetingId, UUID stakeholderId, boolean organisation, String username) {
        if (organisation) {
            throw InvalidInput.field("stakeholderId", "only for an individual invitee, not with organisationId");
        }
        if (!RegisteredStakeholder.isOnRegister(stakeholderId)) {
            throw InvalidInput.field("stakeholderId", "is not a stakeholder on the register (unknown, removed or"
                    + " erased): " + stakeholderId);
        }
        Invitation.ofStakeholder(meetingId, stakeholderId).filter(Invitation::isActive)
                .filter(existing -> !username.equalsIgnoreCase(existing.username))
                .ifPresent(existing -> {
                    throw ProblemException.conflict("This stakeholder is already invited with another account"
                            + " (invitation " + existing.id + ")");
                });
    }

    public Invitation get(UUID meetingId, UUID id) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null || !invitation.meetingId.equals(meetingId) || !mayRead(invitation)) {
            throw ProblemException.notFound("Invitation", id);
        }
        return invitation;
    }

    /** The representatives of the invited organisation, or the invited individual, answer; nobody else. */
    @Transactional
    public Invitation respond(Meeting meeting, UUID id, String ifMatch, InvitationResponse response) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null || !invitation.meetingId.equals(meeting.id)) {
            throw ProblemException.notFound("Invitation", id);
        }
        if (!isInvitee(invitation)) {
            throw ProblemException.forbidden("Only the invitee answers an invitation: a representative of the invited"
                    + " organisation, or the invited person");
        }
        Versions.requireMatch(ifMatch, invitation.version);
        if (response == InvitationResponse.PENDING) {
            throw InvalidInput.field("response", "must be one of ACCEPTED, DECLINED, TENTATIVE");
        }
        MeetingService.requireUpcoming(meeting, "invitations can no longer be answered");
        if (!invitation.isActive()) {
            throw ProblemException.conflict("This invitation was withdrawn");
        }
        invitation.response = response;
        invitation.respondedBy = access.subject();
        invitation.respondedAt = Timestamps.now();
        invitation.updatedAt = invitation.respondedAt;
        audit.record(access.actor(), "INVITATION_ANSWERED_" + response, RECORD_TYPE, id);
        Invitation.flush();
        return invitation;
    }

    /**
     * The invitations of a meeting the caller may see: all for the AI Office; a member its organisation's and its own;
     * an individual its own.
     */
    public Page<Invitation> list(UUID meetingId, String cursor, int limit) {
        KeysetQuery<Invitation> query = KeysetQuery.of(Invitation.class, "i", i -> i.id)
                .where("i.meetingId = :meeting", "meeting", meetingId);
        if (!access.isAiOffice()) {
            query.where("i.organisationId = :organisation or lower(i.username) = lower(:username)")
                    .with("organisation", access.organisation().orElse(null))
                    .with("username", access.username() == null ? "" : access.username());
        }
        return query.byTime("createdAt", i -> i.createdAt).page(cursor, limit);
    }

    /**
     * A stakeholder's meetings as meeting-service records them: the invitations that name its register id, with their
     * answer and attendance. All of them for the AI Office and for an account linked to that register entry (its
     * token's stakeholder claim, ADR 0011); for any other stakeholder or expert only those sent to its own account;
     * nobody else.
     */
    public Page<Invitation> ofStakeholder(UUID stakeholderId, String cursor, int limit) {
        if (!access.isAiOffice() && !access.isStakeholder()) {
            throw ProblemException.forbidden("A stakeholder's history is for the AI Office and the stakeholder itself");
        }
        KeysetQuery<Invitation> query = KeysetQuery.of(Invitation.class, "i", i -> i.id)
                .where("i.stakeholderId = :stakeholder", "stakeholder", stakeholderId);
        if (!access.isAiOffice() && !access.linkedStakeholder().map(stakeholderId::equals).orElse(false)) {
            query.where("lower(i.username) = lower(:username)", "username",
                    access.username() == null ? "" : access.username());
        }
        return query.byTime("createdAt", i -> i.createdAt).page(cursor, limit);
    }

    private boolean mayRead(Invitation invitation) {
        return access.isAiOffice() || isInvitee(invitation);
    }

    private boolean isInvitee(Invitation invitation) {
        return invitation.isOrganisation() ? access.represents(invitation.organisationId)
                : invitation.username != null && invitation.username.equalsIgnoreCase(access.username());
    }

    private static void reinstate(Invitation invitation) {
        invitation.withdrawnAt = null;
        invitation.response = InvitationResponse.PENDING;
        invitation.respondedAt = null;
        invitation.respondedBy = null;
        invitation.updatedAt = Timestamps.now();
    }

    private static Invitation organisationInvitation(UUID meetingId, UUID organisationId) {
        Invitation invitation = newInvitation(meetingId);
        invitation.organisationId = organisationId;
        return invitation;
    }

    private static Invitation individualInvitation(UUID meetingId, String username) {
        Invitation invitation = newInvitation(meetingId);
        invitation.username = username;
        return invitation;
    }

    private static Invitation newInvitation(UUID meetingId) {
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.meetingId = meetingId;
        invitation.createdAt = Timestamps.now();
        invitation.updatedAt = invitation.createdAt;
        return invitation;
    }
}
