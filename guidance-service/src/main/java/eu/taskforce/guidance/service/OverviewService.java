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
import eu.taskforce.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The overviews: per version, how many feedback items each section got and with which dispositions; per commitment or
 * measure of the Code, the guidance and evidence linked to it. The existence of a CONFIDENTIAL item is public (the
 * version's totals count it, as the public register does), its content is not, and neither is where it is: a section
 * row counts it only for a caller who may know it (the AI Office, its own organisation). Dispositions are counted for
 * the AI Office, and for everyone once published.
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

    /** One row of the overview: a section, or (key null) the whole version, with the items the caller may see there. */
    public record SectionCount(String key, String title, int items, int publicItems, int confidentialItems,
                               Map<Disposition, Integer> byDisposition) {
    }

    /**
     * The version's totals count every item not withdrawn, confidential ones included; the per-disposition totals are
     * null while dispositions are not shown.
     */
    public record VersionOverview(UUID documentId, int versionNumber, InputWindow window, boolean dispositionsShown,
                                  List<SectionCount> sections, int items, int publicItems, int confidentialItems,
                                  Map<Disposition, Integer> byDisposition,
                                  Map<Disposition, Integer> confidentialByDisposition) {
    }

    public VersionOverview version(UUID documentId, int number) {
        GuidanceVersion version = documents.version(documentId, number);
        InputWindow window = InputWindow.find("versionId", version.id).firstResult();
        List<Feedback> items = window == null ? List.of()
                : Feedback.list("windowId = ?1 and withdrawn = false", window.id);
        boolean dispositionsShown = access.isAiOffice() || (window != null && window.dispositionsPublished());
        // the section of a confidential item is as confidential as its text: the others count it in the totals only
        List<Feedback> placed = items.stream()
                .filter(f -> f.isPublic() || access.knowsConfidential(f.organisationId)).toList();
        List<SectionCount> rows = new ArrayList<>();
        for (Section s : version.sections) {
            rows.add(count(s.sectionKey, s.title, placed, dispositionsShown));
        }
        rows.add(count(null, null, placed, dispositionsShown));
        List<Feedback> confidential = items.stream().filter(f -> !f.isPublic()).toList();
        return new VersionOverview(documentId, number, window, dispositionsShown, rows, items.size(),
                items.size() - confidential.size(), confidential.size(),
                dispositionsShown ? byDisposition(items) : null, dispositionsShown ? byDisposition(confidential) : null);
    }

    private static SectionCount count(String key, String title, List<Feedback> all, boolean dispositionsShown) {
        List<Feedback> items = all.stream().filter(f -> java.util.Objects.equals(f.sectionKey, key)).toList();
        int publicItems = (int) items.stream().filter(Feedback::isPublic).count();
        return new SectionCount(key, title, items.size(), publicItems, items.size() - publicItems,
                dispositionsShown ? byDisposition(items) : null);
    }

    /** Every disposition, zero included. */
    private static Map<Disposition, Integer> byDisposition(List<Feedback> items) {
        Map<Disposition, Integer> counts = new EnumMap<>(Disposition.class);
        for (Disposition d : Disposition.values()) {
            counts.put(d, (int) items.stream().filter(f -> f.disposition == d).count());
        }
        return counts;
    }

    public record ReferenceOverview(String reference, String edition, String title, List<GuidanceDocument> documents,
                                    List<Evidence> evidence) {
    }

    /**
     * What is linked to a commitment or measure: for a commitment, also what is linked to its measures. Drafts and
     * evidence the caller may not read are left out.
     */
    public ReferenceOverview reference(String reference, String edition) {
        CodeOfPractice code = edition == null ? CodeOfPractice.current() : CodeOfPractice.edition(edition)
                .orElseThrow(() -> ProblemException.notFound("Edition of the Code", edition));
        if (!code.isKnownReference(reference)) {
            throw ProblemException.notFound("Commitment or measure of the Code of " + code.version(), reference);
        }
        List<String> references = new ArrayList<>(List.of(reference));
        code.commitment(reference).ifPresent(c -> c.measures().forEach(m -> references.add(m.id())));
        List<GuidanceDocument> linkedDocuments = GuidanceDocument.<GuidanceDocument>find(
                        "select distinct d from GuidanceDocument d join d.codeReferences r where r in ?1"
                                + " and d.codeEdition = ?2 order by d.createdAt desc, d.id", references, code.version()).page(0, LIMIT).list().stream()
                .filter(d -> access.isAiOffice() || d.status == PublicationStatus.PUBLISHED).toList();
        List<Evidence> linkedEvidence = Evidence.<Evidence>find(
                        "select distinct e from Evidence e join e.codeReferences r where r in ?1"
                                + " and e.codeEdition = ?2 order by e.createdAt desc, e.id", references, code.version()).page(0, LIMIT).list().stream()
                .filter(evidence::readable).toList();
        return new ReferenceOverview(reference, code.version(), code.titleOf(reference).orElseThrow(), linkedDocuments,
                linkedEvidence);
    }
}
