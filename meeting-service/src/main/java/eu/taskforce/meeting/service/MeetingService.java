package eu.taskforce.meeting.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.MeetingCancelled;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.meetings.MeetingRescheduled;
import eu.taskforce.contracts.reference.CodeOfPractice;
import eu.taskforce.meeting.domain.AgendaItem;
import eu.taskforce.meeting.domain.Invitation;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Meetings: convening, the agenda, rescheduling, cancelling, and recording that a meeting was held with its
 * attendance. Every change is audited and published through the outbox in its own transaction; the joining link
 * never leaves the service.
 */
@ApplicationScoped
public class MeetingService {

    public static final String RECORD_TYPE = "Meeting";
    static final Duration LONGEST_MEETING = Duration.ofDays(7);

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;
    private final InvitationService invitations;

    public MeetingService(Outbox outbox, AuditTrail audit, Access access, InvitationService invitations) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.invitations = invitations;
    }

    /** What the AI Office decides when it convenes a meeting. */
    public record MeetingDetails(String title, String description, MeetingKind kind, MeetingFormat format,
                                 OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, String location,
                                 String joiningLink) {
    }

    public record AgendaItemDetails(String title, String description, List<String> codeReferences,
                                    String codeEdition, List<UUID> guidanceDocumentIds) {
    }

    /** Filters of the meeting list; every one is optional. */
    public record Filter(MeetingStatus status, MeetingKind kind, OffsetDateTime from, OffsetDateTime to,
                         OffsetDateTime updatedSince) {
    }

    /** Convenes a meeting; a plenary invites every current member organisation at once. */
    @Transactional
    public Meeting convene(MeetingDetails details, UUID requestId) {
        return convene(details, requestId, List.of());
    }

    /**
     * Convenes a meeting with a draft agenda (the items a members' request proposed, which the AI Office may then
     * change before publishing).
     */
    @Transactional
    public Meeting convene(MeetingDetails details, UUID requestId, List<String> draftAgenda) {
        access.requireAiOffice();
        validate(details);
        Actor actor = access.actor();
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.title = details.title().strip();
        meeting.description = blankToNull(details.description());
        meeting.kind = details.kind();
        meeting.format = details.format();
        meeting.startsAt = utc(details.startsAt());
        meeting.endsAt = utc(details.endsAt());
        meeting.timeZone = details.timeZone().strip();
        meeting.location = details.format() == MeetingFormat.ONLINE ? null : blankToNull(details.location());
        meeting.joiningLink = details.format() == MeetingFormat.IN_PERSON ? null : blankToNull(details.joiningLink());
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.requestId = requestId;
        // a request's proposed items refer to no part of the Code yet: they name the current edition
        draftAgenda.forEach(title -> meeting.agenda.add(AgendaItem.of(title, null, List.of(),
                CodeOfPractice.current().version(), List.of())));
        meeting.createdAt = Timestamps.now();
        meeting.updatedAt = meeting.createdAt;
        meeting.persist();
        outbox.add(EventTypes.MEETING_CONVENED, meeting.id, new MeetingConvened(meeting.id, meeting.title,
                meeting.kind, meeting.format, meeting.startsAt, meeting.endsAt, meeting.timeZone, meeting.location,
                requestId));
        audit.record(actor, "MEETING_CONVENED", RECORD_TYPE, meeting.id);
        if (meeting.kind == MeetingKind.PLENARY) {
            invitations.inviteCurrentMembers(meeting, actor);
        }
        Meeting.flush();
        return meeting;
    }

    public Meeting get(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Meeting", id));
    }

    /** Whether the caller may see the joining link: the AI Office and the meeting's invitees. */
    public boolean mayJoin(Meeting meeting) {
        return access.isAiOffice() || Invitation.activeFor(meeting.id, access.organisation().orElse(null),
                access.username()).isPresent();
    }

    /** The AI Office sees every joining link. */
    public boolean mayJoinAll() {
        return access.isAiOffice();
    }

    /** Of the given meetings, those the caller is invited to (through its organisation or its account). */
    public Set<UUID> invitedTo(Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty() || access.username() == null) {
            return Set.of();
        }
        UUID organisation = access.organisation().orElse(null);
        List<Invitation> mine = Invitation.list("meetingId in ?1 and withdrawnAt is null"
                + " and (organisationId = ?2 or lower(username) = lower(?3))", meetingIds, organisation,
                access.username());
        Set<UUID> ids = new HashSet<>();
        mine.forEach(i -> ids.add(i.meetingId));
        return ids;
    }

    @Transactional
    public Meeting reschedule(UUID id, String ifMatch, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                              String reason) {
        access.requireAiOffice();
        Meeting meeting = get(id);
        Versions.requireMatch(ifMatch, meeting.version);
        meeting.status.requireCanBecome(MeetingStatus.RESCHEDULED);
        String zone = timeZone == null || timeZone.isBlank() ? meeting.timeZone : timeZone.strip();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        validateTimes(startsAt, endsAt, zone, errors);
        errors.throwIfAny();
        OffsetDateTime previous = meeting.startsAt;
        meeting.startsAt = utc(startsAt);
        meeting.endsAt = utc(endsAt);
        meeting.timeZone = zone;
        meeting.status = MeetingStatus.RESCHEDULED;
        meeting.updatedAt = Timestamps.now();
        outbox.add(EventTypes.MEETING_RESCHEDULED, id, new MeetingRescheduled(id, meeting.startsAt, meeting.endsAt,
                meeting.timeZone, previous, blankToNull(reason)));
        audit.record(access.actor(), "MEETING_RESCHEDULED", RECORD_TYPE, id);
        Meeting.flush();
        return meeting;
    }

    @Transactional
    public Meeting cancel(UUID id, String ifMatch, String reason) {
        access.requireAiOffice();
        Meeting meeting = get(id);
        Versions.requireMatch(ifMatch, meeting.version);
        meeting.status.requireCanBecome(MeetingStatus.CANCELLED);
        meeting.status = MeetingStatus.CANCELLED;
        meeting.cancellationReason = reason.strip();
        meeting.updatedAt = Timestamps.now();
        outbox.add(EventTypes.MEETING_CANCELLED, id, new MeetingCancelled(id, meeting.cancellationReason));
        audit.record(access.actor(), "MEETING_CANCELLED", RECORD_TYPE, id);
        Meeting.flush();
        return meeting;
    }

    /**
     * Records that the meeting took place and who attended: organisations (each must have been invited) and
     * individually invited stakeholders or experts (by their invitation).
     */
    @Transactional
    public Meeting hold(UUID id, String ifMatch, List<UUID> organisations, List<UUID> individualInvitations) {
        access.requireAiOffice();
        Meeting meeting = get(id);
        Versions.requireMatch(ifMatch, meeting.version);
        meeting.status.requireCanBecome(MeetingStatus.HELD);
        if (meeting.startsAt.isAfter(Timestamps.now())) {
            throw ProblemException.conflict("The meeting begins at " + meeting.startsAt
                    + "; it can be recorded as held only once it has begun");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Set<UUID> attending = new LinkedHashSet<>();
        for (int i = 0; i < organisations.size(); i++) {
            UUID organisation = organisations.get(i);
            if (Invitation.ofOrganisation(id, organisation).filter(Invitation::isActive).isEmpty()) {
                errors.add("attendingOrganisations[" + i + "]", "was not invited to this meeting");
            }
            attending.add(organisation);
        }
        List<Invitation> individuals = new ArrayList<>();
        for (int i = 0; i < individualInvitations.size(); i++) {
            Invitation invitation = Invitation.findById(individualInvitations.get(i));
            if (invitation == null || !invitation.meetingId.equals(id) || invitation.isOrganisation()
                    || !invitation.isActive()) {
                errors.add("attendingIndividuals[" + i + "]", "is not an individual invitation to this meeting");
            } else if (!individuals.contains(invitation)) {
                individuals.add(invitation);
            }
        }
        errors.throwIfAny();
        OffsetDateTime now = Timestamps.now();
        meeting.attendance.clear();
        meeting.attendance.addAll(attending);
        individuals.forEach(invitation -> {
            invitation.attended = true;
            invitation.updatedAt = now;
        });
        meeting.individualAttendees = individuals.size();
        meeting.status = MeetingStatus.HELD;
        meeting.heldRecordedAt = now;
        meeting.updatedAt = now;
        Map<UUID, String> names = MemberOrganisation.names(attending);
        outbox.add(EventTypes.MEETING_HELD, id, new MeetingHeld(id, meeting.title, meeting.kind, meeting.startsAt,
                meeting.endsAt, attending.stream().map(o -> new MeetingHeld.Attendee(o, names.get(o))).toList(),
                meeting.individualAttendees, stakeholderAttendees(individuals)));
        audit.record(access.actor(), "MEETING_HELD", RECORD_TYPE, id);
        Meeting.flush();
        return meeting;
    }

    /** The register ids of the attending individuals whose invitation named one (a stakeholder's history); null if none. */
    private static List<UUID> stakeholderAttendees(List<Invitation> individuals) {
        List<UUID> ids = individuals.stream().map(i -> i.stakeholderId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        return ids.isEmpty() ? null : ids;
    }

    /**
     * Replaces the agenda. Before publication only the AI Office sees it; after publication a change is published
     * again at once, as the next revision.
     */
    @Transactional
    public Meeting replaceAgenda(UUID id, String ifMatch, List<AgendaItemDetails> items) {
        access.requireAiOffice();
        Meeting meeting = get(id);
        Versions.requireMatch(ifMatch, meeting.version);
        requireUpcoming(meeting, "its agenda can no longer change");
        if (meeting.agendaPublished() && items.isEmpty()) {
            throw ProblemException.conflict("The agenda is published; it may change but not become empty");
        }
        meeting.agenda.clear();
        items.forEach(item -> meeting.agenda.add(AgendaItem.of(item.title().strip(), blankToNull(item.description()),
                new ArrayList<>(new LinkedHashSet<>(item.codeReferences())), item.codeEdition(),
                new ArrayList<>(new LinkedHashSet<>(item.guidanceDocumentIds())))));
        meeting.updatedAt = Timestamps.now();
        if (meeting.agendaPublished()) {
            meeting.agendaRevision++;
            publishAgendaEvent(meeting);
        }
        audit.record(access.actor(), "AGENDA_CHANGED", RECORD_TYPE, id);
        Meeting.flush();
        return meeting;
    }

    /** Publishes the agenda: from now on it is public, and a later change is published again. */
    @Transactional
    public Meeting publishAgenda(UUID id, String ifMatch) {
        access.requireAiOffice();
        Meeting meeting = get(id);
        Versions.requireMatch(ifMatch, meeting.version);
        requireUpcoming(meeting, "its agenda can no longer be published");
        if (meeting.agendaPublished()) {
            throw ProblemException.conflict("The agenda was published on " + meeting.agendaPublishedAt
                    + "; a change to its items is published again by itself");
        }
        if (meeting.agenda.isEmpty()) {
            throw ProblemException.conflict("The agenda has no items yet; add them before publishing it");
        }
        meeting.agendaPublishedAt = Timestamps.now();
        meeting.agendaRevision = 1;
        meeting.updatedAt = meeting.agendaPublishedAt;
        publishAgendaEvent(meeting);
        audit.record(access.actor(), "AGENDA_PUBLISHED", RECORD_TYPE, id);
        Meeting.flush();
        return meeting;
    }

    private void publishAgendaEvent(Meeting meeting) {
        List<AgendaPublished.Item> items = new ArrayList<>();
        for (int i = 0; i < meeting.agenda.size(); i++) {
            AgendaItem item = meeting.agenda.get(i);
            items.add(new AgendaPublished.Item(i + 1, item.title, item.description, List.copyOf(item.codeReferences),
                    List.copyOf(item.guidanceDocumentIds), item.codeEdition));
        }
        outbox.add(EventTypes.AGENDA_PUBLISHED, meeting.id, new AgendaPublished(meeting.id, meeting.agendaRevision,
                items));
    }

    /** One page of meetings: by start time, or by last change when {@code updatedSince} is given (for sync). */
    public Page<Meeting> search(Filter filter, String cursor, int limit) {
        return KeysetQuery.of(Meeting.class, "m", m -> m.id)
                .filter("m.status = :status", "status", filter.status())
                .filter("m.kind = :kind", "kind", filter.kind())
                .filter("m.startsAt >= :from", "from", filter.from())
                .filter("m.startsAt < :to", "to", filter.to())
                .byTime("startsAt", m -> m.startsAt)
                .changedSince(filter.updatedSince(), m -> m.updatedAt)
                .page(cursor, limit);
    }

    static void requireUpcoming(Meeting meeting, String consequence) {
        if (!meeting.status.isUpcoming()) {
            throw ProblemException.conflict("The meeting is " + meeting.status + "; " + consequence);
        }
    }

    private static void validate(MeetingDetails details) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        validateTimes(details.startsAt(), details.endsAt(), details.timeZone(), errors);
        boolean inPerson = details.format() != MeetingFormat.ONLINE;
        boolean online = details.format() != MeetingFormat.IN_PERSON;
        if (inPerson && blankToNull(details.location()) == null) {
            errors.add("location", "is required for a meeting " + details.format());
        }
        if (online && blankToNull(details.joiningLink()) == null) {
            errors.add("joiningLink", "is required for a meeting " + details.format());
        }
        errors.throwIfAny();
    }

    private static void validateTimes(OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                                      InvalidInput.Collector errors) {
        if (!endsAt.isAfter(startsAt)) {
            errors.add("endsAt", "must be after startsAt");
        } else if (Duration.between(startsAt, endsAt).compareTo(LONGEST_MEETING) > 0) {
            errors.add("endsAt", "must be at most 7 days after startsAt");
        }
        try {
            ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            errors.add("timeZone", "must be an IANA time zone such as Europe/Brussels");
        }
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
