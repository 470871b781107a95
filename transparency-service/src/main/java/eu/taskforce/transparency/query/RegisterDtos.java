package eu.taskforce.transparency.query;

import eu.taskforce.contracts.reference.CodeOfPractice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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

    /** Why a person's value is not shown (OpenAPI enumeration of the *Withheld fields). */
    static final String WITHHELD = "Why the value is null (absent while it is shown): PENDING (not resolved yet), "
            + "NOT_DISCLOSED (membership-service does not disclose it), CONSENT_WITHDRAWN, RECTIFIED or ERASED";
    static final String COMMITMENT = "The salted commitment to the value, as the log holds it (sha256: and 64 hex "
            + "digits); its opening is at /api/v1/public/register/disclosures/{commitment} while disclosed";

    @Schema(name = "PublicRepresentative", description = "A representative who consented to the publication of their "
            + "name. The name is joined at serve time from the disclosed opening of its commitment; without it, "
            + "nameWithheld says why")
    public record PublicRepresentative(@Schema(examples = "Jeanne Martin", nullable = true) String name,
                                       @Schema(description = "PRINCIPAL or ALTERNATE") String role,
                                       @Schema(description = COMMITMENT, pattern = "^sha256:[0-9a-f]{64}$")
                                       String nameCommitment,
                                       @Schema(description = WITHHELD, nullable = true, enumeration = {"PENDING",
                                               "NOT_DISCLOSED", "CONSENT_WITHDRAWN", "RECTIFIED", "ERASED"})
                                       String nameWithheld) {
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

    @Schema(name = "Stakeholder", description = "A third-party stakeholder or expert who consented to be listed "
            + "publicly. An organisation's name and field are served as sent; a person's are joined at serve time from "
            + "the disclosed openings of their commitments (null, with the reason, while withheld)")
    public record Stakeholder(UUID id, @Schema(description = "ORGANISATION or PERSON") String kind,
                              @Schema(nullable = true) String name, @Schema(nullable = true) String fieldOfExpertise,
                              @Schema(description = "A person's name: " + COMMITMENT, nullable = true)
                              String nameCommitment,
                              @Schema(description = WITHHELD, nullable = true, enumeration = {"PENDING",
                                      "NOT_DISCLOSED", "CONSENT_WITHDRAWN", "RECTIFIED", "ERASED"})
                              String nameWithheld,
                              @Schema(description = "A person's field of expertise: " + COMMITMENT, nullable = true)
                              String fieldOfExpertiseCommitment,
                              @Schema(description = WITHHELD, nullable = true, enumeration = {"PENDING",
                                      "NOT_DISCLOSED", "CONSENT_WITHDRAWN", "RECTIFIED", "ERASED"})
                              String fieldOfExpertiseWithheld) {
    }

    @Schema(name = "Disclosure", description = "The opening of a commitment: the value and the salt that give it. "
            + "commitment = sha256: + hex(SHA-256(UTF-8(RFC 8785 JSON of {field, ref, salt, value})))")
    public record Disclosure(@Schema(pattern = "^sha256:[0-9a-f]{64}$") String commitment,
                             @Schema(description = "publicName or publicFieldOfExpertise") String field,
                             @Schema(description = "The person: the representative's or stakeholder's id") UUID ref,
                             @Schema(description = "32 random bytes, base64url without padding") String salt,
                             String value, OffsetDateTime disclosedAt) {
    }

    @Schema(name = "Withdrawal", description = "A commitment whose value is gone for good: whoever copied the value "
            + "deletes it and may keep the commitment")
    public record Withdrawal(@Schema(pattern = "^sha256:[0-9a-f]{64}$") String commitment,
                             @Schema(description = "The person: the representative's or stakeholder's id") UUID ref,
                             @Schema(enumeration = {"CONSENT_WITHDRAWN", "RECTIFIED", "ERASED"}) String reason,
                             @Schema(description = "The time of the event that withdrew it") OffsetDateTime withdrawnAt) {
    }

    @Schema(name = "AdHocGroup", description = "An ad-hoc group of the Taskforce, its member organisations, and the "
            + "stakeholders or experts taking part who are listed publicly")
    public record AdHocGroup(UUID id, String name, String description, List<OrganisationRef> participants,
                             @Schema(description = "Only stakeholders listed publicly; a person's name as for Stakeholder")
                             List<StakeholderRef> stakeholders) {
    }

    @Schema(name = "StakeholderRef", description = "A stakeholder listed publicly: an organisation's name as sent, a "
            + "person's joined from the disclosed opening of its commitment (null, with the reason, while withheld)")
    public record StakeholderRef(UUID id, @Schema(description = "ORGANISATION or PERSON") String kind,
                                 @Schema(nullable = true) String name,
                                 @Schema(description = "A person's name: " + COMMITMENT, nullable = true)
                                 String nameCommitment,
                                 @Schema(description = WITHHELD, nullable = true, enumeration = {"PENDING",
                                         "NOT_DISCLOSED", "CONSENT_WITHDRAWN", "RECTIFIED", "ERASED"})
                                 String nameWithheld) {
    }

    @Schema(name = "StakeholderHistory", description = "What a stakeholder listed publicly took part in: the ad-hoc "
            + "groups it takes part in now, the meetings it attended (as the AI Office recorded attendance) and the "
            + "input it gave (public evidence it submitted under its name through its linked account). Served only "
            + "while the stakeholder is listed publicly; never a confidential or anonymous item")
    public record StakeholderHistory(Stakeholder stakeholder,
                                     @Schema(maxItems = StakeholderHistoryLimits.GROUPS) List<GroupRef> adHocGroups,
                                     @Schema(description = "Most recent first", maxItems = StakeholderHistoryLimits.MEETINGS)
                                     List<AttendedMeeting> meetingsAttended,
                                     @Schema(description = "Most recent first", maxItems = StakeholderHistoryLimits.INPUT)
                                     List<GivenInput> inputGiven) {
    }

    @Schema(name = "GivenInput", description = "Public evidence a stakeholder submitted under its name; the whole"
            + " submission is in /api/v1/public/guidance/evidence")
    public record GivenInput(UUID evidenceId, String title,
                             @Schema(description = "RESEARCH, EXPERT_INPUT, TECHNICAL_DEVELOPMENT or"
                                     + " IMPLEMENTATION_EXPERIENCE") String type,
                             OffsetDateTime submittedAt) {
    }

    @Schema(name = "AttendedMeeting", description = "A meeting held that the stakeholder attended")
    public record AttendedMeeting(UUID meetingId, String title,
                                  @Schema(description = "PLENARY, AD_HOC_GROUP or STAKEHOLDER_SESSION") String kind,
                                  OffsetDateTime startsAt) {
    }

    /** How much of a history is served: the most recent entries, far above what one stakeholder takes part in. */
    public static final class StakeholderHistoryLimits {
        public static final int GROUPS = 500;
        public static final int MEETINGS = 1000;
        public static final int INPUT = 1000;

        private StakeholderHistoryLimits() {
        }
    }

    @Schema(name = "OrganisationRef")
    public record OrganisationRef(UUID organisationId, String organisationName) {
    }

    @Schema(name = "AgendaItem")
    public record AgendaItem(int position, String title, String description,
                             @Schema(description = "Commitments or measures of the Code, e.g. SAFETY_AND_SECURITY-3.2")
                             List<String> codeReferences, List<UUID> guidanceDocumentIds,
                             @Schema(description = CODE_EDITION, examples = "2025-07-10") String codeEdition) {

        public AgendaItem {
            codeEdition = editionOrFirst(codeEdition);
        }
    }

    static final String CODE_EDITION = "The edition of the Code of Practice the codeReferences name, by its date";

    /** What was published before references named their edition names the first edition, the only one then. */
    static String editionOrFirst(String edition) {
        return edition == null ? CodeOfPractice.FIRST_EDITION : edition;
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
                           @Schema(description = "ADOPTED, REJECTED, or NO_QUORUM when fewer member organisations"
                                   + " took part (YES, NO or ABSTAIN) than the quorum asks") String result,
                           Integer yes, Integer no, Integer abstain, OffsetDateTime closedAt,
                           @Schema(description = "The share of member organisations, in percent, that had to take part"
                                   + " (null for decisions opened before quorums were recorded)") Integer quorum,
                           @Schema(description = "The member organisations at closing, of whom the quorum is a share")
                           Integer eligible,
                           @Schema(description = "What the decision decides, if the AI Office named it")
                           DecisionLink subject) {
    }

    @Schema(name = "DecisionLink", description = "What a decision decides: a stakeholder of the register to invite"
            + " (STAKEHOLDER_INVITATION, its stakeholder id), a guidance version (GUIDANCE_VERSION, its version id), a"
            + " MEETING or a MEETING_REQUEST")
    public record DecisionLink(
            @Schema(description = "STAKEHOLDER_INVITATION, GUIDANCE_VERSION, MEETING or MEETING_REQUEST") String kind,
            UUID id) {

        static DecisionLink of(String kind, UUID id) {
            return kind == null ? null : new DecisionLink(kind, id);
        }
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
    public record SearchHit(@Schema(description = "AGENDA, SUMMARY, FEEDBACK or EVIDENCE") String documentType,
                            @Schema(description = "The meeting, for an AGENDA or SUMMARY") UUID meetingId,
                            @Schema(description = "The meeting, feedback item or evidence submission") UUID documentId,
                            String title, @Schema(description = "The matching passage, terms between « and »") String snippet,
                            OffsetDateTime occurredOn, double rank) {
    }

    // --- guidance input ----------------------------------------------------------------------------------------------

    @Schema(name = "GuidanceDocument", description = "A guidance document of the AI Office on which the Taskforce gives input")
    public record GuidanceDocument(UUID id, String title,
                                   @Schema(description = "GUIDELINES, TEMPLATE, QUESTIONS_AND_ANSWERS or OTHER") String kind,
                                   @Schema(description = "Articles of the AI Act, e.g. 55") List<String> aiActArticles,
                                   @Schema(description = "Commitments or measures of the Code, e.g. SAFETY_AND_SECURITY-3.2")
                                   List<String> codeReferences,
                                   @Schema(description = CODE_EDITION, examples = "2025-07-10") String codeEdition,
                                   @Schema(description = "The AI Office's later public consultation, separate from Taskforce input")
                                   PublicConsultation publicConsultation, OffsetDateTime publishedAt,
                                   Integer latestVersionNumber) {

        public GuidanceDocument {
            codeEdition = editionOrFirst(codeEdition);
        }
    }

    @Schema(name = "PublicConsultation")
    public record PublicConsultation(LocalDate opensOn, LocalDate closesOn, String url) {
    }

    @Schema(name = "GuidanceDocumentDetails", description = "A guidance document with its versions and input windows")
    public record GuidanceDocumentDetails(UUID id, String title, String kind, List<String> aiActArticles,
                                          List<String> codeReferences,
                                          @Schema(description = CODE_EDITION, examples = "2025-07-10")
                                          String codeEdition, PublicConsultation publicConsultation,
                                          OffsetDateTime publishedAt, List<GuidanceVersion> versions,
                                          List<InputWindow> windows,
                                          @Schema(description = NOTICE_DESCRIPTION, examples = WITHOUT_PREJUDICE)
                                          String notice) {
    }

    /** What every public guidance resource says of the Taskforce's input. */
    public static final String WITHOUT_PREJUDICE = "The Signatory Taskforce's input on this guidance is without"
            + " prejudice to the AI Office's public consultations: it neither replaces them nor limits who may respond"
            + " to them or what the AI Office may take from them.";
    static final String NOTICE_DESCRIPTION = "The standing statement that Taskforce input is without prejudice to the AI"
            + " Office's public consultations";

    @Schema(name = "GuidanceVersion", description = "A published version: its sections by key and title (never their text)")
    public record GuidanceVersion(UUID id, int number, String changeNote, List<Section> sections,
                                  OffsetDateTime publishedAt) {
    }

    @Schema(name = "GuidanceSection")
    public record Section(@Schema(description = "Stable across versions") String key, int position, String title) {
    }

    @Schema(name = "InputWindow", description = "A Taskforce input window on a version, with its counts of feedback items")
    public record InputWindow(UUID id, UUID documentId, String documentTitle, UUID versionId, Integer versionNumber,
                              OffsetDateTime opensAt, OffsetDateTime closesAt,
                              @Schema(description = "SCHEDULED (opens later), OPEN, CLOSED or DISPOSITIONS_PUBLISHED") String status,
                              OffsetDateTime closedAt, Boolean closedEarly,
                              @Schema(description = "Public items not withdrawn") int publicItems,
                              @Schema(description = "Confidential items not withdrawn (only ever a count)") int confidentialItems,
                              OffsetDateTime dispositionsPublishedAt) {
    }

    @Schema(name = "PublicFeedback", description = "A public feedback item with the AI Office's disposition, once published")
    public record PublicFeedback(UUID id, UUID windowId, UUID documentId, String documentTitle, UUID versionId,
                                 Integer versionNumber,
                                 @Schema(description = "Absent for an item on the whole version") String sectionKey,
                                 String sectionTitle, @Schema(description = "ATTRIBUTED or ANONYMOUS") String attribution,
                                 @Schema(description = "ATTRIBUTED items only") UUID organisationId,
                                 String organisationName, String text,
                                 @Schema(description = "ACCEPTED, PARTIALLY_ACCEPTED, NOT_TAKEN_UP or OUT_OF_SCOPE")
                                 String disposition, String response, OffsetDateTime publishedAt) {
    }

    @Schema(name = "PublicEvidence", description = "A public evidence or research submission linked to the Code")
    public record Evidence(UUID id, String title, String summary,
                           @Schema(description = "RESEARCH, EXPERT_INPUT, TECHNICAL_DEVELOPMENT or IMPLEMENTATION_EXPERIENCE")
                           String type, String url, List<String> codeReferences,
                           @Schema(description = CODE_EDITION, examples = "2025-07-10") String codeEdition,
                           @Schema(description = "AI_OFFICE, MEMBER or STAKEHOLDER") String submitterRole,
                           String attribution, @Schema(description = "ATTRIBUTED submissions only") UUID organisationId,
                           String organisationName, OffsetDateTime submittedAt) {

        public Evidence {
            codeEdition = editionOrFirst(codeEdition);
        }
    }

    @Schema(name = "SectionCount", description = "Public feedback items on one section")
    public record SectionCount(String key, int position, String title, int publicItems,
                               @Schema(description = "Per disposition, once published") Map<String, Integer> byDisposition) {
    }

    @Schema(name = "PublicVersionOverview", description = "Feedback on a version: counts per section and per disposition")
    public record VersionOverview(UUID documentId, String documentTitle, UUID versionId, Integer versionNumber,
                                  List<UUID> windowIds,
                                  @Schema(description = "True when every window on the version has its dispositions published")
                                  boolean dispositionsPublished, int items, int publicItems, int confidentialItems,
                                  List<SectionCount> sections,
                                  @Schema(description = "Public items on the whole version rather than a section")
                                  int publicItemsOnWholeVersion,
                                  @Schema(description = "Every item (public and confidential) per disposition, once published")
                                  Map<String, Integer> byDisposition,
                                  @Schema(description = "The confidential items per disposition, once published")
                                  Map<String, Integer> confidentialByDisposition,
                                  @Schema(description = NOTICE_DESCRIPTION, examples = WITHOUT_PREJUDICE) String notice) {
    }

    @Schema(name = "CodeReferenceOverview", description = "The guidance and evidence linked to a commitment or measure"
            + " of one edition of the Code")
    public record CodeReferenceOverview(String reference,
                                        @Schema(description = "The edition of the Code, by its date", examples = "2025-07-10")
                                        String edition, String title, List<GuidanceDocument> documents,
                                        List<Evidence> evidence) {
    }

    @Schema(name = "PublicVademecumEdition", description = "A published edition of the Taskforce Vademecum: its sections"
            + " by stable key, and the participants list as of its publication day (frozen; a representative's name is"
            + " shown while the person's consent to its publication lasts)")
    public record VademecumEdition(UUID id, @Schema(description = "1, 2, ... in the order of publication") int number,
                                   LocalDate publishedOn, OffsetDateTime publishedAt,
                                   @Schema(description = "The number of the next edition, if one is published")
                                   Integer supersededBy,
                                   List<VademecumSection> sections, List<VademecumParticipant> participants) {
    }

    @Schema(name = "PublicVademecumSection", description = "A section; the same key names the same section in every"
            + " edition (rules-of-procedure, objectives, membership-rules, transparency-rules, without-prejudice, ...)")
    public record VademecumSection(String key, int position, String title, String text) {
    }

    @Schema(name = "PublicVademecumParticipant", description = "A member organisation on the edition's publication day")
    public record VademecumParticipant(UUID organisationId, String name, String country, String website,
                                       List<String> chapters, LocalDate memberSince,
                                       List<PublicRepresentative> representatives) {
    }

    @Schema(name = "PublicVademecumEditionSummary", description = "A published edition, without its text")
    public record VademecumEditionSummary(UUID id, int number, LocalDate publishedOn, OffsetDateTime publishedAt,
                                          @Schema(description = "How many organisations it lists") int participants) {
    }

    private RegisterDtos() {
    }

    @Schema(name = "MeetingPaper", description = "A paper of a meeting held: public ones downloadable, the others with the"
            + " reason they are withheld; never its content")
    public record MeetingPaper(UUID id, UUID meetingId,
                               @Schema(description = "The position of the agenda item it belongs to; null for the whole meeting")
                               Integer agendaItem, String title,
                               @Schema(description = "Whether the document is public") boolean disclosed,
                               @Schema(description = "MEMBERS, ATTENDEES or PUBLIC") String visibility,
                               @Schema(description = "Why it is not public (COMMERCIALLY_CONFIDENTIAL, COMPETITION_LAW,"
                                       + " PERSONAL_DATA or SECURITY); null for a public paper") String withholdingReason,
                               OffsetDateTime circulatedAt,
                               @Schema(description = "The day members should have had it by") LocalDate dueOn,
                               @Schema(description = "Circulated after dueOn") boolean late,
                               String mediaType, long size,
                               @Schema(description = "SHA-256 of the document, hex") String sha256,
                               @Schema(description = "Where a public paper's document is downloaded without a token"
                                       + " (meeting-service, through the gateway); null for the others") String downloadPath) {
    }
}
