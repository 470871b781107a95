package eu.taskforce.meeting.rest;

import eu.taskforce.contracts.meetings.MeetingFormat;
import eu.taskforce.contracts.meetings.MeetingKind;
import eu.taskforce.contracts.reference.CodeOfPractice;
import eu.taskforce.meeting.domain.AgendaItem;
import eu.taskforce.meeting.domain.Invitation;
import eu.taskforce.meeting.domain.InvitationResponse;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.meeting.service.MeetingService;
import eu.taskforce.platform.reference.CodeReferencing;
import eu.taskforce.platform.reference.KnownCodeReferences;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request and response bodies of the meeting, agenda and invitation endpoints. Entities are never the API model. */
public final class MeetingDtos {

    static final String LINK_PATTERN = "https://\\S+";
    static final String LINK_MESSAGE = "must be an https address";

    @Schema(name = "NewMeeting", description = "A meeting the AI Office convenes")
    public record NewMeeting(
            @Schema(examples = "Plenary: implementing the Safety and Security chapter") @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @Schema(description = "PLENARY invites every current member organisation") @NotNull MeetingKind kind,
            @Schema(description = "IN_PERSON needs a location, ONLINE a joining link, HYBRID both") @NotNull MeetingFormat format,
            @Schema(description = "Start, ISO-8601 with offset; stored in UTC", examples = "2026-03-12T09:30:00+01:00")
            @NotNull OffsetDateTime startsAt,
            @Schema(description = "End, after the start and at most 7 days later", examples = "2026-03-12T13:00:00+01:00")
            @NotNull OffsetDateTime endsAt,
            @Schema(description = "The IANA time zone the meeting is planned in", examples = "Europe/Brussels")
            @NotBlank @Size(max = 60) String timeZone,
            @Schema(examples = "Brussels, BERL building, room 0.A") @Size(max = 500) String location,
            @Schema(description = "Confidential: shown only to invitees and the AI Office, never published")
            @Size(max = 1000) @Pattern(regexp = LINK_PATTERN, message = LINK_MESSAGE) String joiningLink) {

        MeetingService.MeetingDetails details() {
            return new MeetingService.MeetingDetails(title, description, kind, format, startsAt, endsAt, timeZone,
                    location, joiningLink);
        }
    }

    @Schema(name = "Reschedule", description = "A meeting's new time")
    public record Reschedule(
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt,
            @Schema(description = "The IANA time zone; the meeting's own when absent") @Size(max = 60) String timeZone,
            @Schema(description = "Why, if the AI Office says; public") @Size(max = 2000) String reason) {
    }

    @Schema(name = "Cancellation", description = "Why a meeting is cancelled; the reason is public")
    public record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "Held", description = "Attendance of a meeting that took place")
    public record Held(
            @Schema(description = "The invited organisations that attended") @NotNull @Size(max = 500)
            List<@NotNull UUID> attendingOrganisations,
            @Schema(description = "The individual invitations (stakeholders, experts) whose invitee attended")
            @Size(max = 500) List<@NotNull UUID> attendingIndividuals) {
    }

    @Schema(name = "AgendaChange", description = "The whole agenda, in order")
    public record AgendaChange(@NotNull @Size(max = 50) List<@Valid @NotNull AgendaItemRequest> items) {
    }

    @Schema(name = "AgendaItemRequest", description = "One agenda item")
    @KnownCodeReferences
    public record AgendaItemRequest(
            @Schema(examples = "Model evaluations: state of practice") @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @Schema(description = "Commitments or measures of the Code, in its edition codeEdition",
                    examples = "[\"SAFETY_AND_SECURITY-3.2\"]")
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> codeReferences,
            @Schema(description = "Guidance documents (ids in guidance-service)")
            @Size(max = 20) List<@NotNull UUID> guidanceDocumentIds,
            @Schema(description = "The edition of the Code of Practice the codeReferences name, by its date; the"
                    + " current edition when absent. A later edition never changes what these references mean.",
                    examples = "2025-07-10")
            @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "must be an edition's date such as 2025-07-10")
            String codeEdition) implements CodeReferencing {

        MeetingService.AgendaItemDetails details() {
            return new MeetingService.AgendaItemDetails(title, description,
                    codeReferences == null ? List.of() : codeReferences, editionOrCurrent(),
                    guidanceDocumentIds == null ? List.of() : guidanceDocumentIds);
        }
    }

    @Schema(name = "Attendee", description = "An organisation that attended")
    public record AttendeeView(UUID organisationId, @Schema(examples = "Mistral AI") String organisationName) {
    }

    @Schema(name = "Meeting", description = "A meeting of the Taskforce")
    public record MeetingView(
            UUID id,
            String title,
            String description,
            MeetingKind kind,
            MeetingFormat format,
            @Schema(description = "UTC") OffsetDateTime startsAt,
            @Schema(description = "UTC") OffsetDateTime endsAt,
            @Schema(examples = "Europe/Brussels") String timeZone,
            @Schema(description = "The start in the meeting's time zone") LocalDateTime localStart,
            @Schema(description = "The end in the meeting's time zone") LocalDateTime localEnd,
            String location,
            @Schema(description = "Only for invitees and the AI Office; null for everyone else") String joiningLink,
            @Schema(description = "SCHEDULED, RESCHEDULED, CANCELLED, HELD or SUMMARY_PUBLISHED") MeetingStatus status,
            String cancellationReason,
            @Schema(description = "The members' request it answers, if any") UUID requestId,
            boolean agendaPublished,
            @Schema(description = "Whether the caller (its organisation or its account) is invited") boolean invited,
            @Schema(description = "Organisations that attended, once held") List<AttendeeView> attendance,
            @Schema(description = "How many individually invited stakeholders or experts attended") int individualAttendees,
            @Schema(description = "Held, and the public summary is later than it should be") boolean summaryOverdue,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static MeetingView of(Meeting m, boolean invited, boolean mayJoin, Map<UUID, String> names,
                              boolean summaryOverdue) {
            ZoneId zone = ZoneId.of(m.timeZone);
            List<AttendeeView> attendance = new ArrayList<>(m.attendance.stream()
                    .map(o -> new AttendeeView(o, names.get(o))).toList());
            attendance.sort(Comparator.comparing(AttendeeView::organisationId));
            return new MeetingView(m.id, m.title, m.description, m.kind, m.format, utc(m.startsAt), utc(m.endsAt),
                    m.timeZone, m.startsAt.atZoneSameInstant(zone).toLocalDateTime(),
                    m.endsAt.atZoneSameInstant(zone).toLocalDateTime(), m.location, mayJoin ? m.joiningLink : null,
                    m.status, m.cancellationReason, m.requestId, m.agendaPublished(), invited, attendance,
                    m.individualAttendees, summaryOverdue, utc(m.createdAt), utc(m.updatedAt));
        }
    }

    @Schema(name = "CodeReference", description = "A commitment or measure of the Code of Practice")
    public record CodeReferenceView(@Schema(examples = "SAFETY_AND_SECURITY-3.2") String id,
                                    @Schema(examples = "Model evaluations", description = "Its title in the edition named")
                                    String title) {

        static CodeReferenceView of(String edition, String id) {
            return new CodeReferenceView(id, CodeOfPractice.edition(edition).flatMap(code -> code.titleOf(id))
                    .orElse(null));
        }
    }

    @Schema(name = "AgendaItem", description = "One agenda item")
    public record AgendaItemView(@Schema(description = "1, 2, 3... in order") int position, String title,
                                 String description, List<CodeReferenceView> codeReferences,
                                 @Schema(description = "The edition of the Code the references name",
                                         examples = "2025-07-10") String codeEdition,
                                 List<UUID> guidanceDocumentIds) {
    }

    @Schema(name = "Agenda", description = "A meeting's agenda")
    public record AgendaView(UUID meetingId, boolean published, OffsetDateTime publishedAt,
                             @Schema(description = "0 before publication, 1 when published, then one more per change")
                             int revision,
                             List<AgendaItemView> items) {

        static AgendaView of(Meeting m) {
            List<AgendaItemView> items = new ArrayList<>();
            for (int i = 0; i < m.agenda.size(); i++) {
                AgendaItem item = m.agenda.get(i);
                items.add(new AgendaItemView(i + 1, item.title, item.description,
                        item.codeReferences.stream().map(id -> CodeReferenceView.of(item.codeEdition, id)).toList(),
                        item.codeEdition, List.copyOf(item.guidanceDocumentIds)));
            }
            return new AgendaView(m.id, m.agendaPublished(), utc(m.agendaPublishedAt), m.agendaRevision, items);
        }
    }

    @Schema(name = "NewInvitation", description = "Either a member organisation, or an individual stakeholder or expert"
            + " by the account they sign in with")
    public record NewInvitation(
            @Schema(description = "A current member organisation (its signatory id)") UUID organisationId,
            @Schema(description = "The identity-provider account of an individual invitee", examples = "expert")
            @Size(max = 200) String username,
            @Schema(description = "How to address the individual; personal data, never published")
            @Size(max = 200) String displayName,
            @Schema(description = "The stakeholder's id in membership-service's register, for a stakeholder or expert"
                    + " registered there (with the account it answers with): checked, an unknown, removed or erased id"
                    + " is a 400") UUID stakeholderId) {
    }

    @Schema(name = "InvitationAnswer", description = "An invitee's answer")
    public record InvitationAnswer(
            @Schema(description = "ACCEPTED, DECLINED or TENTATIVE") @NotNull InvitationResponse response) {
    }

    @Schema(name = "Invitation", description = "An invitation to a meeting")
    public record InvitationView(
            UUID id,
            UUID meetingId,
            @Schema(description = "ORGANISATION or INDIVIDUAL") String inviteeType,
            UUID organisationId,
            String organisationName,
            String username,
            String displayName,
            UUID stakeholderId,
            @Schema(description = "Whether stakeholderId was checked against the register when invited (false for"
                    + " invitations made before stakeholder ids were checked)") boolean stakeholderChecked,
            @Schema(description = "PENDING until answered, then ACCEPTED, DECLINED or TENTATIVE") InvitationResponse response,
            OffsetDateTime respondedAt,
            @Schema(description = "For an individual: recorded as attending when the meeting was held") boolean attended,
            @Schema(description = "Withdrawn when the organisation left the Taskforce") boolean withdrawn,
            OffsetDateTime updatedAt) {

        static InvitationView of(Invitation i, String organisationName) {
            return new InvitationView(i.id, i.meetingId, i.isOrganisation() ? "ORGANISATION" : "INDIVIDUAL",
                    i.organisationId, organisationName, i.username, i.displayName, i.stakeholderId, i.stakeholderChecked, i.response,
                    utc(i.respondedAt), i.attended, !i.isActive(), utc(i.updatedAt));
        }
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private MeetingDtos() {
    }
}
