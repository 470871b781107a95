package eu.taskforce.guidance.service;

import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.reference.CodeOfPractice;
import eu.taskforce.guidance.domain.Evidence;
import eu.taskforce.guidance.domain.Feedback;
import eu.taskforce.guidance.domain.GuidanceDocument;
import eu.taskforce.guidance.domain.GuidanceVersion;
import eu.taskforce.guidance.domain.InputWindow;
import eu.taskforce.guidance.domain.PublicationStatus;
import eu.taskforce.guidance.domain.Section;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The overviews: per version, how many feedback items each section got and with which dispositions; per commitment or
 * measure of the Code, the guidance and evidence linked to it. Counts include CONFIDENTIAL items (their existence is
 * public, their content is not); dispositions are counted for the AI Office, and for everyone once published.
 */
@ApplicationScoped
public class OverviewService {

    /** How many documents and how many evidence submissions a reference overview lists at most. */
    public static final int LIMIT = 200;

    private final Access access;
    private final DocumentService documents;
    private final EvidenceService evidence;

    public OverviewService(Access access, DocumentService documents, EvidenceService evidence) {
        this.access = access;
        this.documents = documents;
        this.evidence = evidence;
    }

    /** One row of the overview: a section, or (key null) the whole version. */
    public record SectionCount(String key, String title, int items, int publicItems, int confidentialItems,
                               Map<Disposition, Integer> byDisposition) {
    }

    public record VersionOverview(UUID documentId, int versionNumber, InputWindow window, boolean dispositionsShown,
                                  List<SectionCount> sections, int items) {
    }

    public VersionOverview version(UUID documentId, int number) {
        GuidanceVersion version = documents.version(documentId, number);
        InputWindow window = InputWindow.find("versionId", version.id).firstResult();
        List<Feedback> items = window == null ? List.of()
                : Feedback.list("windowId = ?1 and withdrawn = false", window.id);
        boolean dispositionsShown = access.isAiOffice() || (window != null && window.dispositionsPublished());
        List<SectionCount> rows = new ArrayList<>();
        for (Section s : version.sections) {
            rows.add(count(s.sectionKey, s.title, items, dispositionsShown));
        }
        rows.add(count(null, null, items, dispositionsShown));
        return new VersionOverview(documentId, number, window, dispositionsShown, rows, items.size());
    }

    private static SectionCount count(String key, String title, List<Feedback> all, boolean dispositionsShown) {
        List<Feedback> items = all.stream().filter(f -> java.util.Objects.equals(f.sectionKey, key)).toList();
        Map<Disposition, Integer> byDisposition = null;
        if (dispositionsShown) {
            byDisposition = new EnumMap<>(Disposition.class);
            for (Disposition d : Disposition.values()) {
                byDisposition.put(d, (int) items.stream().filter(f -> f.disposition == d).count());
            }
        }
        int publicItems = (int) items.stream().filter(f -> f.visibility == Visibility.PUBLIC).count();
        return new SectionCount(key, title, items.size(), publicItems, items.size() - publicItems, byDisposition);
    }

    public record ReferenceOverview(String reference, String title, List<GuidanceDocument> documents,
                                    List<Evidence> evidence) {
    }

    /**
     * What is linked to a commitment or measure: for a commitment, also what is linked to its measures. Drafts and
     * evidence the caller may not read are left out.
     */
    public ReferenceOverview reference(String reference) {
        CodeOfPractice code = CodeOfPractice.current();
        if (!code.isKnownReference(reference)) {
            throw ProblemException.notFound("Commitment or measure", reference);
        }
        List<String> references = new ArrayList<>(List.of(reference));
        code.commitment(reference).ifPresent(c -> c.measures().forEach(m -> references.add(m.id())));
        List<GuidanceDocument> linkedDocuments = GuidanceDocument.<GuidanceDocument>find(
                        "select distinct d from GuidanceDocument d join d.codeReferences r where r in ?1"
                                + " order by d.createdAt desc, d.id", references).page(0, LIMIT).list().stream()
                .filter(d -> access.isAiOffice() || d.status == PublicationStatus.PUBLISHED).toList();
        List<Evidence> linkedEvidence = Evidence.<Evidence>find(
                        "select distinct e from Evidence e join e.codeReferences r where r in ?1"
                                + " order by e.createdAt desc, e.id", references).page(0, LIMIT).list().stream()
                .filter(evidence::readable).toList();
        return new ReferenceOverview(reference, CodeReferences.title(reference), linkedDocuments, linkedEvidence);
    }
}
