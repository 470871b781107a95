package eu.taskforce.guidance.rest;

import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.guidance.domain.Evidence;
import eu.taskforce.guidance.domain.Feedback;
import eu.taskforce.guidance.domain.FeedbackRevision;
import eu.taskforce.guidance.domain.GuidanceDocument;
import eu.taskforce.guidance.domain.GuidanceVersion;
import eu.taskforce.guidance.domain.InputWindow;
import eu.taskforce.guidance.domain.Section;
import eu.taskforce.guidance.rest.GuidanceDtos.AttachmentInfo;
import eu.taskforce.guidance.rest.GuidanceDtos.ConsultationInput;
import eu.taskforce.guidance.rest.GuidanceDtos.DocumentView;
import eu.taskforce.guidance.rest.GuidanceDtos.EvidenceView;
import eu.taskforce.guidance.rest.GuidanceDtos.FeedbackView;
import eu.taskforce.guidance.rest.GuidanceDtos.RevisionView;
import eu.taskforce.guidance.rest.GuidanceDtos.SectionView;
import eu.taskforce.guidance.rest.GuidanceDtos.VersionView;
import eu.taskforce.guidance.rest.GuidanceDtos.WindowView;
import eu.taskforce.guidance.rest.GuidanceDtos.ProposalView;
import eu.taskforce.guidance.rest.GuidanceDtos.SectionProposalsView;
import eu.taskforce.guidance.service.Access;
import eu.taskforce.guidance.service.FeedbackService;
import eu.taskforce.platform.diff.TextDiff;
import eu.taskforce.guidance.service.WindowService;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.guidance.rest.GuidanceDtos.utc;

/**
 * Entities to response bodies, with the caller's view applied: an ANONYMOUS item's organisation only for the AI Office
 * and the organisation itself; a disposition only for the AI Office, and for members once published.
 */
@RequestScoped
public class GuidanceViews {

    private final Access access;

    public GuidanceViews(Access access) {
        this.access = access;
    }

    DocumentView document(GuidanceDocument d) {
        ConsultationInput consultation = d.consultationOpensOn == null ? null
                : new ConsultationInput(d.consultationOpensOn, d.consultationClosesOn, d.consultationUrl);
        return new DocumentView(d.id, d.title, d.kind, d.description, List.copyOf(d.aiActArticles),
                List.copyOf(d.codeReferences), d.codeEdition, consultation, d.status, utc(d.publishedAt), utc(d.createdAt),
                utc(d.updatedAt));
    }

    VersionView version(GuidanceVersion v) {
        List<SectionView> sections = new ArrayList<>();
        for (int i = 0; i < v.sections.size(); i++) {
            Section s = v.sections.get(i);
            sections.add(new SectionView(s.sectionKey, i + 1, s.title, s.text));
        }
        return new VersionView(v.id, v.documentId, v.number, v.changeNote, v.status, sections, utc(v.publishedAt),
                utc(v.createdAt), utc(v.updatedAt));
    }

    WindowView window(InputWindow w) {
        GuidanceDocument document = GuidanceDocument.findById(w.documentId);
        GuidanceVersion version = GuidanceVersion.findById(w.versionId);
        WindowService.Counts counts = WindowService.counts(w.id);
        return new WindowView(w.id, w.documentId, document.title, w.versionId, version.number, utc(w.opensAt),
                utc(w.closesAt), w.phase(Timestamps.now()), utc(w.closedAt), w.closedEarly,
                utc(w.dispositionsPublishedAt), counts.publicItems(), counts.confidentialItems(), utc(w.createdAt),
                utc(w.updatedAt));
    }

    List<FeedbackView> feedback(Collection<Feedback> items) {
        Map<UUID, String> names = MemberOrganisation.names(items.stream().map(f -> f.organisationId).toList());
        Map<UUID, InputWindow> windows = new HashMap<>();
        Map<UUID, GuidanceVersion> versions = new HashMap<>();
        return items.stream().map(f -> {
            InputWindow w = windows.computeIfAbsent(f.windowId, id -> InputWindow.findById(id));
            GuidanceVersion v = versions.computeIfAbsent(w.versionId, id -> GuidanceVersion.findById(id));
            return feedback(f, w, v, names);
        }).toList();
    }

    FeedbackView feedback(Feedback f) {
        return feedback(List.of(f)).get(0);
    }

    private FeedbackView feedback(Feedback f, InputWindow w, GuidanceVersion v, Map<UUID, String> names) {
        boolean own = access.represents(f.organisationId);
        boolean named = access.isAiOffice() || own || f.attribution == Attribution.ATTRIBUTED;
        boolean answerShown = access.isAiOffice() || w.dispositionsPublished();
        return new FeedbackView(f.id, f.windowId, w.documentId, v.number, f.sectionKey,
                named ? f.organisationId : null, named ? names.get(f.organisationId) : null, own, f.text,
                f.attribution, f.visibility, f.withdrawn, f.revision, answerShown ? f.disposition : null,
                answerShown ? f.response : null, utc(f.createdAt), utc(f.updatedAt), f.proposedText);
    }

    /** The side-by-side view of a section and a page of proposals (the AI Office's: every item named). */
    SectionProposalsView proposals(FeedbackService.Proposals proposals) {
        Section section = proposals.section();
        TextDiff diff = new TextDiff(); // one budget for the page
        List<Feedback> items = proposals.page().items();
        Map<UUID, String> names = MemberOrganisation.names(items.stream().map(f -> f.organisationId).toList());
        List<ProposalView> views = items.stream().map(f -> new ProposalView(f.id, f.organisationId,
                names.get(f.organisationId), f.attribution, f.visibility, f.text, f.proposedText,
                diff.diff(section.text, f.proposedText), f.disposition, utc(f.createdAt), utc(f.updatedAt))).toList();
        GuidanceVersion version = proposals.version();
        return new SectionProposalsView(version.documentId, version.number,
                proposals.window() == null ? null : proposals.window().id,
                new SectionView(section.sectionKey, version.sections.indexOf(section) + 1, section.title, section.text),
                views, diff.coarse(), proposals.page().nextCursor());
    }

    static RevisionView revision(FeedbackRevision r) {
        return new RevisionView(r.key.revision, r.sectionKey, r.text, r.attribution, r.visibility, r.withdrawn,
                utc(r.changedAt), r.proposedText);
    }

    List<EvidenceView> evidence(Collection<Evidence> items) {
        Map<UUID, String> names = MemberOrganisation.names(items.stream().map(e -> e.organisationId)
                .filter(java.util.Objects::nonNull).toList());
        return items.stream().map(e -> evidence(e, names)).toList();
    }

    EvidenceView evidence(Evidence e) {
        return evidence(List.of(e)).get(0);
    }

    private EvidenceView evidence(Evidence e, Map<UUID, String> names) {
        boolean own = e.organisationId != null ? access.represents(e.organisationId)
                : e.submittedBy.equals(access.subject());
        boolean named = e.organisationId != null
                && (access.isAiOffice() || own || e.attribution == Attribution.ATTRIBUTED);
        AttachmentInfo attachment = e.attachmentType == null ? null
                : new AttachmentInfo(e.attachmentName, e.attachmentType, e.attachmentSize, e.attachmentSha256);
        return new EvidenceView(e.id, e.title, e.summary, e.type, e.url, List.copyOf(e.codeReferences), e.codeEdition,
                e.visibility, e.attribution, e.submitterRole, named ? e.organisationId : null,
                named ? names.get(e.organisationId) : null, access.isAiOffice() || own ? e.stakeholderId : null, own,
                attachment, utc(e.createdAt), utc(e.updatedAt));
    }
}
