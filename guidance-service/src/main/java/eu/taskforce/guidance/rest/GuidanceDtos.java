package eu.taskforce.guidance.rest;

import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.EvidenceType;
import eu.taskforce.contracts.guidance.GuidanceKind;
import eu.taskforce.contracts.guidance.SubmitterRole;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.guidance.domain.PublicationStatus;
import eu.taskforce.guidance.domain.WindowPhase;
import eu.taskforce.guidance.service.DocumentService;
import eu.taskforce.guidance.service.EvidenceService;
import eu.taskforce.guidance.service.FeedbackService;
import eu.taskforce.platform.api.SectionKeys;
import eu.taskforce.platform.diff.DiffSegment;
import eu.taskforce.platform.reference.CodeReferencing;
import eu.taskforce.platform.reference.KnownCodeReferences;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request and response bodies of guidance-service. */
public final class GuidanceDtos {

    static final String SECTION_KEY = SectionKeys.PATTERN;
    static final String ARTICLE = "^[0-9]{1,3}[a-z]?(\\([0-9a-z]{1,4}\\))*$";
    static final String EDITION = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    static final int CODE_REFERENCE_LENGTH = 40;
    /** A proposed replacement is bounded as the section it replaces is. */
    static final int PROPOSED_TEXT_LENGTH = 50000;
    static final String CODE_EDITION = "The edition of the Code of Practice the codeReferences name, by its date"
            + " (GET /api/v1/guidance/references/editions lists them); the current edition when absent. A later edition"
            + " never changes what these references mean.";

    @Schema(name = "NewGuidanceDocument", description = "A guidance document, as the AI Office drafts or describes it")
    @KnownCodeReferences
    public record DocumentInput(
            @Schema(examples = "Guidelines on the scope of the obligations for providers of GPAI models")
            @NotBlank @Size(max = 300) String title,
            @Schema(description = "GUIDELINES, TEMPLATE, QUESTIONS_AND_ANSWERS or OTHER") @NotNull GuidanceKind kind,
            @Size(max = 5000) String description,
            @Schema(description = "Articles of the AI Act it concerns", examples = "[\"53(1)(a)\", \"55\"]")
            @Size(max = 30) List<@NotNull @Pattern(regexp = ARTICLE, message = "must be an article such as 53(1)(a)") String> aiActArticles,
            @Schema(description = "Commitments (SAFETY_AND_SECURITY-3) or measures (SAFETY_AND_SECURITY-3.2) of the Code,"
                    + " in its edition codeEdition")
            @Size(max = 60) List<@NotNull @Size(max = CODE_REFERENCE_LENGTH) String> codeReferences,
            @Schema(description = "The AI Office's later public consultation, separate from Taskforce input")
            @Valid ConsultationInput publicConsultation,
            @Schema(description = CODE_EDITION, examples = "2025-07-10")
            @Pattern(regexp = EDITION, message = "must be an edition's date such as 2025-07-10") String codeEdition)
            implements CodeReferencing {

        DocumentService.Details details() {
            return new DocumentService.Details(title, kind, description, aiActArticles, codeReferences,
                    editionOrCurrent(),
                    publicConsultation == null ? null : new DocumentService.Consultation(publicConsultation.opensOn(),
                            publicConsultation.closesOn(), publicConsultation.url()));
        }
    }

    @Schema(name = "PublicConsultation", description = "A public consultation on the document: its dates and address")
    public record ConsultationInput(@NotNull LocalDate opensOn, @NotNull LocalDate closesOn,
                                    @Schema(maxLength = HttpUrl.MAX_LENGTH, examples = "https://digital-strategy.ec.europa.eu/en/consultations/example")
                                    @NotNull @HttpUrl String url) {
    }

    @Schema(name = "GuidanceDocument")
    public record DocumentView(UUID id, String title, GuidanceKind kind, String description, List<String> aiActArticles,
                               List<String> codeReferences,
                               @Schema(description = "The edition of the Code the references name") String codeEdition,
                               ConsultationInput publicConsultation,
                               @Schema(description = "DRAFT (the AI Office only) or PUBLISHED") PublicationStatus status,
                               OffsetDateTime publishedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "NewGuidanceVersion", description = "A new version. Without sections, it copies those of the latest"
            + " version; a section keeps its identity from one version to the next through its key.")
    public record VersionInput(@Size(max = 2000) String changeNote,
                               @Size(max = 200) List<@NotNull @Valid SectionInput> sections) {
        List<DocumentService.SectionDraft> drafts() {
            return sections == null ? null
                    : sections.stream().map(s -> new DocumentService.SectionDraft(s.key(), s.title(), s.text())).toList();
        }
    }

    @Schema(name = "SectionInput")
    public record SectionInput(
            @Schema(description = "Stable key: the same key names the same section in every version", examples = "scope")
            @NotNull @Pattern(regexp = SECTION_KEY, message = "must be 1 to 64 lower-case letters, digits or dashes") String key,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = PROPOSED_TEXT_LENGTH) String text) {
    }

    @Schema(name = "Section")
    public record SectionView(String key, @Schema(description = "1, 2, ... in this version") int position, String title,
                              String text) {
    }

    @Schema(name = "GuidanceVersion")
    public record VersionView(UUID id, UUID documentId, int number, String changeNote,
                              @Schema(description = "DRAFT (the AI Office only) or PUBLISHED") PublicationStatus status,
                              List<SectionView> sections, OffsetDateTime publishedAt, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt) {
    }

    @Schema(name = "SectionHistory", description = "One section, by its stable key, in every version that has it")
    public record SectionHistoryView(UUID documentId, String key, List<SectionInVersion> versions) {
    }

    @Schema(name = "SectionInVersion")
    public record SectionInVersion(int versionNumber, int position, String title, String text) {
    }

    @Schema(name = "NewInputWindow", description = "A Taskforce input window on a published version")
    public record WindowInput(@Schema(description = "Default: now") OffsetDateTime opensAt,
                              @Schema(description = "After opensAt and in the future") @NotNull OffsetDateTime closesAt) {
    }

    @Schema(name = "InputWindow", description = "A Taskforce input window (separate from any public consultation)")
    public record WindowView(UUID id, UUID documentId, String documentTitle, UUID versionId, int versionNumber,
                             OffsetDateTime opensAt, OffsetDateTime closesAt,
                             @Schema(description = "SCHEDULED, OPEN or CLOSED, now") WindowPhase phase,
                             OffsetDateTime closedAt, boolean closedEarly, OffsetDateTime dispositionsPublishedAt,
                             @Schema(description = "Items not withdrawn") int publicItems, int confidentialItems,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "FeedbackInput", description = "Feedback on a section (sectionKey) or on the whole version (no sectionKey)")
    public record FeedbackInput(
            @Schema(examples = "scope") @Pattern(regexp = SECTION_KEY, message = "must be a section key") String sectionKey,
            @NotBlank @Size(max = 10000) String text,
            @Schema(description = "ATTRIBUTED (named) or ANONYMOUS (never named in anything public)") @NotNull Attribution attribution,
            @Schema(description = "PUBLIC, or CONFIDENTIAL (the AI Office and your organisation only)") @NotNull Visibility visibility,
            @Schema(description = "Suggested wording: a replacement text proposed for the section (only with a"
                    + " sectionKey). Part of the feedback: read by whoever may read it, as confidential as its text",
                    maxLength = PROPOSED_TEXT_LENGTH)
            @Size(max = PROPOSED_TEXT_LENGTH) String proposedText) {
        FeedbackService.Input input() {
            return new FeedbackService.Input(sectionKey, text, attribution, visibility, proposedText);
        }
    }

    @Schema(name = "Feedback")
    public record FeedbackView(UUID id, UUID windowId, UUID documentId, int versionNumber,
                               @Schema(description = "Null: on the whole version") String sectionKey,
                               @Schema(description = "Hidden from other organisations when ANONYMOUS") UUID organisationId,
                               String organisationName,
                               @Schema(description = "Given by the caller's organisation") boolean own,
                               String text, Attribution attribution, Visibility visibility, boolean withdrawn,
                               int revision,
                               @Schema(description = "ACCEPTED, PARTIALLY_ACCEPTED, NOT_TAKEN_UP or OUT_OF_SCOPE; shown to"
                                       + " the AI Office, and to members once published") Disposition disposition,
                               String response, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               @Schema(description = "The replacement text proposed for the section, if any")
                               String proposedText) {
    }

    @Schema(name = "FeedbackRevision", description = "One state of a feedback item, in the history kept")
    public record RevisionView(int revision, String sectionKey, String text, Attribution attribution,
                               Visibility visibility, boolean withdrawn, OffsetDateTime changedAt,
                               String proposedText) {
    }

    @Schema(name = "DispositionInput")
    public record DispositionInput(
            @Schema(description = "ACCEPTED, PARTIALLY_ACCEPTED, NOT_TAKEN_UP or OUT_OF_SCOPE") @NotNull Disposition disposition,
            @NotBlank @Size(max = 5000) String response) {
    }

    @Schema(name = "NewEvidence", description = "An evidence or research submission linked to the Code")
    @KnownCodeReferences
    public record EvidenceInput(@NotBlank @Size(max = 300) String title,
                                @NotBlank @Size(max = 5000) String summary,
                                @Schema(description = "RESEARCH, EXPERT_INPUT, TECHNICAL_DEVELOPMENT or IMPLEMENTATION_EXPERIENCE")
                                @NotNull EvidenceType type,
                                @Schema(maxLength = HttpUrl.MAX_LENGTH, examples = "https://arxiv.org/abs/2401.00001") @NotNull @HttpUrl String url,
                                @Schema(description = "Commitments or measures of the Code, in its edition codeEdition")
                                @Size(max = 60) List<@NotNull @Size(max = CODE_REFERENCE_LENGTH) String> codeReferences,
                                @Schema(description = "PUBLIC, or CONFIDENTIAL (the AI Office and the submitter only)")
                                @NotNull Visibility visibility,
                                @Schema(description = "Default ATTRIBUTED; ANONYMOUS: a member's organisation is never named in public")
                                Attribution attribution,
                                @Schema(description = CODE_EDITION, examples = "2025-07-10")
                                @Pattern(regexp = EDITION, message = "must be an edition's date such as 2025-07-10")
                                String codeEdition) implements CodeReferencing {
        EvidenceService.Submission submission() {
            return new EvidenceService.Submission(title, summary, type, url, codeReferences, editionOrCurrent(),
                    visibility, attribution);
        }
    }

    @Schema(name = "AttachmentInfo", description = "The attached document: its type as read from its bytes, size and SHA-256")
    public record AttachmentInfo(String name, String mediaType, long size, String sha256) {
    }

    @Schema(name = "Evidence")
    public record EvidenceView(UUID id, String title, String summary, EvidenceType type, String url,
                               List<String> codeReferences,
                               @Schema(description = "The edition of the Code the references name") String codeEdition,
                               Visibility visibility, Attribution attribution,
                               @Schema(description = "AI_OFFICE, MEMBER or STAKEHOLDER") SubmitterRole submitterRole,
                               @Schema(description = "A member's organisation; hidden from others when ANONYMOUS") UUID organisationId,
                               String organisationName,
                               @Schema(description = "A stakeholder's submission: the entry of the stakeholder register"
                                       + " its account is linked to; shown to the AI Office and the submitter only"
                                       + " (the public register shows it in the stakeholder's history when ATTRIBUTED"
                                       + " and the stakeholder is listed publicly)") UUID stakeholderId,
                               boolean own, AttachmentInfo attachment,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "SectionFeedbackCount", description = "A section's items (key null: the whole version) that the"
            + " caller may place there: public items, and confidential ones only for the AI Office and the organisation"
            + " that gave them. The section of a confidential item is confidential too: for anyone else it is counted"
            + " in the version's totals only.")
    public record SectionCountView(String key, String title, int items, int publicItems,
                                   @Schema(description = "Confidential items the caller may know of: all for the AI Office,"
                                           + " its own organisation's for a member, none for anyone else")
                                   int confidentialItems,
                                   @Schema(description = "The same items per disposition; null until published (except"
                                           + " for the AI Office)")
                                   Map<Disposition, Integer> byDisposition) {
    }

    @Schema(name = "VersionOverview", description = "Feedback items on a version (not withdrawn): totals, which count"
            + " every item, and counts per section, which place a confidential item only for those who may read it")
    public record VersionOverviewView(UUID documentId, int versionNumber, UUID windowId, WindowPhase windowPhase,
                                      boolean dispositionsPublished,
                                      @Schema(description = "Every item, public and confidential") int items,
                                      int publicItems,
                                      @Schema(description = "Every confidential item, whether the caller may read it or not")
                                      int confidentialItems,
                                      List<SectionCountView> sections,
                                      @Schema(description = "Every item per disposition; null until published (except"
                                              + " for the AI Office)")
                                      Map<Disposition, Integer> byDisposition,
                                      @Schema(description = "The confidential items per disposition; null until"
                                              + " published (except for the AI Office)")
                                      Map<Disposition, Integer> confidentialByDisposition) {
    }

    @Schema(name = "WordingProposal", description = "A feedback item's suggested wording for the section, compared"
            + " with the section's text word by word")
    public record ProposalView(UUID feedbackId, UUID organisationId, String organisationName, Attribution attribution,
                               Visibility visibility,
                               @Schema(description = "The feedback's own text: why it proposes this wording") String text,
                               String proposedText,
                               @Schema(description = "The section's text turned into the proposed text")
                               List<DiffSegment> diff,
                               @Schema(description = "Shown to the AI Office as recorded so far") Disposition disposition,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "SectionProposals", description = "A section of a version side by side with the wording proposed for"
            + " it in the version's input window (items not withdrawn, oldest first); one page of at most "
            + MAX_PROPOSALS + " proposals, `Link: rel=\"next\"` pointing to the next")
    public record SectionProposalsView(UUID documentId, int versionNumber,
                                       @Schema(description = "Null while the version has no input window") UUID windowId,
                                       SectionView section,
                                       @Schema(maxItems = MAX_PROPOSALS) List<ProposalView> items,
                                       @Schema(description = "True when a comparison shows a changed piece whole, the"
                                               + " page's budget being spent") boolean coarse,
                                       @Schema(description = "The cursor of the next page; null on the last page")
                                       String nextCursor) {
    }

    /** Proposals per page: each may hold 50,000 characters and their comparison. */
    static final int MAX_PROPOSALS = 20;

    @Schema(name = "LinkedDocument")
    public record LinkedDocument(UUID id, String title, GuidanceKind kind, PublicationStatus status) {
    }

    @Schema(name = "LinkedEvidence")
    public record LinkedEvidence(UUID id, String title, EvidenceType type, String url, Visibility visibility) {
    }

    @Schema(name = "ReferenceOverview", description = "What is linked to a commitment (and its measures) or a measure"
            + " of one edition of the Code")
    public record ReferenceView(String reference,
                                @Schema(description = "The edition of the Code, by its date", examples = "2025-07-10")
                                String edition,
                                String title, List<LinkedDocument> documents, List<LinkedEvidence> evidence) {
    }

    @Schema(name = "CodeEdition", description = "An edition of the Code of Practice, named by its date")
    public record EditionView(@Schema(examples = "2025-07-10") String edition, String title, String source,
                              @Schema(description = "The edition in force: new references name it unless they name another")
                              boolean current, int commitments, int measures) {
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private GuidanceDtos() {
    }
}
