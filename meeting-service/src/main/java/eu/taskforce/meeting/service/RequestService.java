package eu.taskforce.meeting.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.MeetingRequestAccepted;
import eu.taskforce.contracts.meetings.MeetingRequestDeclined;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.meetings.MeetingRequestSupported;
import eu.taskforce.contracts.meetings.MeetingRequestWithdrawn;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingRequest;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.meeting.domain.RequestStatus;
import eu.taskforce.meeting.domain.RequestSupport;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Members' requests to convene a meeting. Only current member organisations file or support a request, each once; the
 * organisation that filed it may withdraw it; the AI Office accepts it (convening a meeting linked to it) or declines
 * it with a reason that becomes public. The rationale is read by the AI Office and members only, never published.
 */
@ApplicationScoped
public class RequestService {

    public static final String RECORD_TYPE = "MeetingRequest";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;
    private final MeetingService meetings;

    public RequestService(Outbox outbox, AuditTrail audit, Access access, MeetingService meetings) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.meetings = meetings;
    }

    public record Filter(RequestStatus status, UUID organisationId, OffsetDateTime updatedSince) {
    }

    @Transactional
    public MeetingRequest file(String topic, String rationale, List<String> proposedAgendaItems) {
        MemberOrganisation organisation = currentMemberOrganisation();
        MeetingRequest request = new MeetingRequest();
        request.id = UUID.randomUUID();
        request.organisationId = organisation.id;
        request.topic = topic.strip();
        request.rationale = rationale.strip();
        proposedAgendaItems.forEach(item -> request.proposedAgendaItems.add(item.strip()));
        request.status = RequestStatus.FILED;
        request.filedBy = access.subject();
        request.createdAt = Timestamps.now();
        request.updatedAt = request.createdAt;
        request.persist();
        outbox.add(EventTypes.MEETING_REQUEST_FILED, request.id, new MeetingRequestFiled(request.id, organisation.id,
                organisation.name, request.topic, List.copyOf(request.proposedAgendaItems), request.createdAt));
        audit.record(access.actor(), "REQUEST_FILED", RECORD_TYPE, request.id);
        MeetingRequest.flush();
        return request;
    }

    /** The AI Office and representatives of member organisations read requests; guests do not. */
    public MeetingRequest get(UUID id) {
        access.requireAiOfficeOrMember();
        return MeetingRequest.<MeetingRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Request", id));
    }

    @Transactional
    public MeetingRequest support(UUID id) {
        MeetingRequest request = get(id);
        MemberOrganisation organisation = currentMemberOrganisation();
        requireFiled(request, "it can no longer be supported");
        if (request.organisationId.equals(organisation.id)) {
            throw ProblemException.conflict("An organisation does not support its own request");
        }
        if (request.supportedBy(organisation.id)) {
            throw ProblemException.conflict(organisationName(organisation) + " already supports this request");
        }
        RequestSupport support = new RequestSupport();
        support.organisationId = organisation.id;
        support.supportedBy = access.subject();
        support.supportedAt = Timestamps.now();
        request.supports.add(support);
        request.updatedAt = support.supportedAt;
        outbox.add(EventTypes.MEETING_REQUEST_SUPPORTED, id, new MeetingRequestSupported(id, organisation.id,
                organisation.name, request.supports.size()));
        audit.record(access.actor(), "REQUEST_SUPPORTED", RECORD_TYPE, id);
        MeetingRequest.flush();
        return request;
    }

    /** The organisation that filed a request withdraws it, before the AI Office decides. */
    @Transactional
    public MeetingRequest withdraw(UUID id, String ifMatch) {
        MeetingRequest request = get(id);
        if (!access.represents(request.organisationId)) {
            throw ProblemException.forbidden("Only the organisation that filed a request may withdraw it");
        }
        Versions.requireMatch(ifMatch, request.version);
        requireFiled(request, "it can no longer be withdrawn");
        request.status = RequestStatus.WITHDRAWN;
        request.decidedBy = access.subject();
        request.decidedAt = Timestamps.now();
        request.updatedAt = request.decidedAt;
        outbox.add(EventTypes.MEETING_REQUEST_WITHDRAWN, id, new MeetingRequestWithdrawn(id));
        audit.record(access.actor(), "REQUEST_WITHDRAWN", RECORD_TYPE, id);
        MeetingRequest.flush();
        return request;
    }

    /** The AI Office accepts a request: it convenes a meeting linked to it, with the proposed items as draft agenda. */
    @Transactional
    public Meeting accept(UUID id, String ifMatch, MeetingService.MeetingDetails details) {
        access.requireAiOffice();
        MeetingRequest request = get(id);
        Versions.requireMatch(ifMatch, request.version);
        requireFiled(request, "it can no longer be accepted");
        Meeting meeting = meetings.convene(details, id, new ArrayList<>(request.proposedAgendaItems));
        request.status = RequestStatus.ACCEPTED;
        request.meetingId = meeting.id;
        request.decidedBy = access.subject();
        request.decidedAt = Timestamps.now();
        request.updatedAt = request.decidedAt;
        outbox.add(EventTypes.MEETING_REQUEST_ACCEPTED, id, new MeetingRequestAccepted(id, meeting.id));
        audit.record(access.actor(), "REQUEST_ACCEPTED", RECORD_TYPE, id);
        MeetingRequest.flush();
        return meeting;
    }

    @Transactional
    public MeetingRequest decline(UUID id, String ifMatch, String reason) {
        access.requireAiOffice();
        MeetingRequest request = get(id);
        Versions.requireMatch(ifMatch, request.version);
        requireFiled(request, "it can no longer be declined");
        request.status = RequestStatus.DECLINED;
        request.declineReason = reason.strip();
        request.decidedBy = access.subject();
        request.decidedAt = Timestamps.now();
        request.updatedAt = request.decidedAt;
        outbox.add(EventTypes.MEETING_REQUEST_DECLINED, id, new MeetingRequestDeclined(id, request.declineReason));
        audit.record(access.actor(), "REQUEST_DECLINED", RECORD_TYPE, id);
        MeetingRequest.flush();
        return request;
    }

    /** One page of requests, newest first; or, with {@code updatedSince}, by time of last change (for sync). */
    public Page<MeetingRequest> search(Filter filter, String cursor, int limit) {
        access.requireAiOfficeOrMember();
        return KeysetQuery.of(MeetingRequest.class, "r", r -> r.id)
                .filter("r.status = :status", "status", filter.status())
                .filter("r.organisationId = :organisation", "organisation", filter.organisationId())
                .newestFirst("createdAt", r -> r.createdAt)
                .changedSince(filter.updatedSince(), r -> r.updatedAt)
                .page(cursor, limit);
    }

    /** The caller's organisation, which must be a current member of the Taskforce. */
    private MemberOrganisation currentMemberOrganisation() {
        UUID organisation = access.requireOrganisation();
        return MemberOrganisation.currentMember(organisation).orElseThrow(() -> ProblemException.conflict(
                "Organisation " + organisation + " is not a current member of the Taskforce; only members file or"
                        + " support requests"));
    }

    private static String organisationName(MemberOrganisation organisation) {
        return organisation.name != null ? organisation.name : "Organisation " + organisation.id;
    }

    private static void requireFiled(MeetingRequest request, String consequence) {
        if (request.status != RequestStatus.FILED) {
            throw ProblemException.conflict("The request is " + request.status + "; " + consequence);
        }
    }
}
