package eu.taskforce.transparency.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The public register's representations. Every field is public by the event contracts. */
public final class RegisterDtos {

    @Schema(name = "Participant", description = "A Member of the Taskforce (on the day asked, today by default)")
    public record Participant(
            @Schema(description = "The organisation's id (its signatory id)") UUID organisationId,
            @Schema(examples = "Mistral AI") String name,
            @Schema(examples = "FR") String country,
            String website,
            @Schema(description = "The chapters of the Code it signed") List<String> chapters,
            @Schema(description = "The first day of its membership period on that day") LocalDate memberSince,
            @Schema(description = "Its representatives who consented to the publication of their name")
            List<PublicRepresentative> representatives,
            @Schema(description = "The ad-hoc groups it takes part in") List<GroupRef> adHocGroups) {
    }

    @Schema(name = "PublicRepresentative", description = "A representative who consented to the publication of their name")
    public record PublicRepresentative(@Schema(examples = "Jeanne Martin") String name,
                                       @Schema(description = "PRINCIPAL or ALTERNATE") String role) {
    }

    @Schema(name = "AdHocGroupRef")
    public record GroupRef(UUID id, String name) {
    }

    @Schema(name = "MembershipPeriod", description = "One period of an organisation's membership of the Taskforce")
    public record MembershipPeriod(UUID membershipId, UUID organisationId, String organisationName, LocalDate joinedOn,
                                   @Schema(description = "The last day; absent while the period lasts") LocalDate leftOn) {
    }

    @Schema(name = "Signatory", description = "A signatory of the Code of Practice")
    public record Signatory(UUID id, String name, String country, String website, List<String> chapters,
                            LocalDate signedOn, @Schema(description = "Set when it withdrew its signature") LocalDate withdrawnOn) {
    }

    @Schema(name = "Stakeholder", description = "A third-party stakeholder or expert who consented to be listed publicly")
    public record Stakeholder(UUID id, @Schema(description = "ORGANISATION or PERSON") String kind, String name,
                              String fieldOfExpertise) {
    }

    @Schema(name = "AdHocGroup", description = "An ad-hoc group of the Taskforce and its member organisations")
    public record AdHocGroup(UUID id, String name, String description, List<OrganisationRef> participants) {
    }

    @Schema(name = "OrganisationRef")
    public record OrganisationRef(UUID organisationId, String organisationName) {
    }

    @Schema(name = "AgendaItem")
    public record AgendaItem(int position, String title, String description,
                             @Schema(description = "Commitments or measures of the Code, e.g. SAFETY_AND_SECURITY-3.2")
                             List<String> codeReferences, List<UUID> guidanceDocumentIds) {
    }

    @Schema(name = "WithheldPart", description = "A part of the minutes not published, with the reason")
    public record WithheldPart(String title,
                               @Schema(description = "COMMERCIALLY_CONFIDENTIAL, COMPETITION_LAW, PERSONAL_DATA or SECURITY")
                               String reason) {
    }

    @Schema(name = "Meeting", description = "A meeting of the Taskforce as the register shows it")
    public record Meeting(UUID id, String title,
                          @Schema(description = "PLENARY, AD_HOC_GROUP or STAKEHOLDER_SESSION") String kind,
                          @Schema(description = "IN_PERSON, ONLINE or HYBRID") String format,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, String location,
                          @Schema(description = "SCHEDULED, RESCHEDULED, CANCELLED, HELD or SUMMARY_PUBLISHED") String status,
                          String cancellationReason,
                          @Schema(description = "The published agenda, absent until published") List<AgendaItem> agenda,
                          int agendaRevision,
                          @Schema(description = "The organisations that attended") List<OrganisationRef> attendance,
                          @Schema(description = "How many individually invited stakeholders or experts attended")
                          Integer individualAttendees,
                          @Schema(description = "The high-level public summary") String summary,
                          List<WithheldPart> withheldParts, OffsetDateTime summaryPublishedAt,
                          @Schema(description = "When set, the summary was due on this day and is not published yet")
                          LocalDate summaryDueOn,
                          @Schema(description = "The members' request it answers, if any") UUID requestId) {
    }

    @Schema(name = "DeclinedRequest", description = "A members' request to convene a meeting that the AI Office declined")
    public record DeclinedRequest(UUID id, UUID organisationId, String organisationName, String topic,
                                  List<String> proposedAgendaItems, OffsetDateTime filedAt, int supporters,
                                  @Schema(description = "The AI Office's public reason") String reason) {
    }

    @Schema(name = "Decision", description = "A Taskforce decision; counts and result once closed (never who voted how)")
    public record Decision(UUID id, String question, String threshold, UUID meetingId,
                           @Schema(description = "OPEN or CLOSED") String status, OffsetDateTime closesAt,
                           @Schema(description = "ADOPTED or REJECTED") String result, Integer yes, Integer no,
                           Integer abstain, OffsetDateTime closedAt) {
    }

    @Schema(name = "Cadence", description = "The Taskforce meets in plenary at least once a year")
    public record Cadence(LocalDate lastPlenaryHeldOn, UUID lastPlenaryId, LocalDate deadline,
                          OffsetDateTime nextPlenaryStartsAt, UUID nextPlenaryId,
                          @Schema(description = "ON_TRACK (a plenary is scheduled before the deadline), AT_RISK, OVERDUE")
                          String status, CadenceWarningView latestWarning, List<UUID> meetingsWithSummaryOverdue) {
    }

    @Schema(name = "CadenceWarning", description = "The latest warning of meeting-service that the deadline is near")
    public record CadenceWarningView(LocalDate lastHeldOn, LocalDate deadline, long daysLeft, OffsetDateTime sentAt) {
    }

    @Schema(name = "SearchHit", description = "A document of the register that matches the search")
    public record SearchHit(@Schema(description = "AGENDA or SUMMARY") String documentType, UUID meetingId,
                            String title, @Schema(description = "The matching passage, terms between « and »") String snippet,
                            OffsetDateTime occurredOn, double rank) {
    }

    private RegisterDtos() {
    }
}
