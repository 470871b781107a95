package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.CodeReferenceOverview;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocument;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocumentDetails;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceVersion;
import eu.taskforce.transparency.query.RegisterDtos.InputWindow;
import eu.taskforce.transparency.query.RegisterDtos.Section;
import eu.taskforce.platform.diff.VersionDiff;
import eu.taskforce.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.uuid;

/** The guidance register's reads that are not lists: one document with its versions and windows, a Code reference. */
@ApplicationScoped
public class GuidanceQueries {

    /** How many documents and how many submissions the overview of a Code reference shows. */
    public static final int LINKED = 200;

    private final ReadModel readModel;

    public GuidanceQueries(ReadModel readModel) {
        this.readModel = readModel;
    }

    public Optional<GuidanceDocumentDetails> document(UUID id) {
        Params document = Params.of().put("id", id);
        Optional<GuidanceDocument> found = readModel.query("select " + GuidanceLists.DOCUMENT_COLUMNS
                + " from guidance_document d where d.generation = :g and d.id = :id and d.title is not null",
                document, GuidanceLists::document).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GuidanceDocument d = found.get();
        List<GuidanceVersion> versions = readModel.query("""
                        select v.id, v.number, v.change_note, v.sections, v.published_at from guidance_version v
                        where v.generation = :g and v.document_id = :id order by v.number""", document,
                row -> new GuidanceVersion(uuid(row, "id"), row.getInt("number"), row.getString("change_note"),
                        sections(row.getString("sections")), time(row, "published_at")));
        List<InputWindow> windows = readModel.query("select " + GuidanceLists.WINDOW_COLUMNS + " from input_window w "
                + "where w.generation = :g and w.document_id = :id and w.status is not null order by w.opens_at, w.id",
                document, GuidanceLists::window);
        return Optional.of(new GuidanceDocumentDetails(d.id(), d.title(), d.kind(), d.aiActArticles(),
                d.codeReferences(), d.codeEdition(), d.publicConsultation(), d.publishedAt(), versions, windows, RegisterDtos.WITHOUT_PREJUDICE));
    }

    /** The first {@value #LINKED} documents and submissions linked to a (known) Code reference of an edition. */
    public CodeReferenceOverview reference(String reference, String edition, String title) {
        return new CodeReferenceOverview(reference, edition, title, first(GuidanceLists.documents(reference, edition)),
                first(GuidanceLists.evidence(reference, edition)));
    }

    private <T> List<T> first(PublicList.Selection<T> selection) {
        return readModel.page(selection.query(), selection.params(), null, null, LINKED).stream().limit(LINKED)
                .map(ReadModel.Row::item).toList();
    }

    /**
     * Published version {@code number} of a document compared with version {@code from}, section by section, from the
     * texts the register received with "version published" (the same comparison, and shape, as guidance-service's).
     * A 404 when the register holds no such published version (it never holds drafts); a 409 when one was published
     * without its text (before events carried it, or more text than one event carries).
     */
    public VersionDiff compare(UUID documentId, int number, int from) {
        List<VersionDiff.SectionText> later = texts(documentId, number);
        List<VersionDiff.SectionText> earlier = texts(documentId, from);
        return VersionDiff.compare(documentId, from, earlier, number, later);
    }

    private record StoredVersion(List<Section> sections, List<String> texts) {
    }

    private List<VersionDiff.SectionText> texts(UUID documentId, int number) {
        StoredVersion stored = readModel.query("""
                        select v.sections, v.section_texts from guidance_version v
                        where v.generation = :g and v.document_id = :document and v.number = :number""",
                Params.of().put("document", documentId).put("number", number),
                row -> new StoredVersion(sections(row.getString("sections")),
                        Rows.json(row.getString("section_texts"), new TypeReference<List<String>>() { })))
                .stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Published version", number + " of document " + documentId));
        if (stored.texts() == null || stored.texts().size() != stored.sections().size()) {
            throw ProblemException.conflict("Version " + number + " was published without its text in the register's"
                    + " events (published before they carried it, or longer than one event carries), so the register"
                    + " cannot compare it");
        }
        List<VersionDiff.SectionText> texts = new java.util.ArrayList<>();
        for (int i = 0; i < stored.sections().size(); i++) {
            Section s = stored.sections().get(i);
            texts.add(new VersionDiff.SectionText(s.key(), s.title(), stored.texts().get(i)));
        }
        return texts;
    }

    /** A version's sections, as the read model stores them (JSON). */
    static List<Section> sections(String json) {
        return Objects.requireNonNullElse(Rows.json(json, new TypeReference<List<Section>>() { }), List.of());
    }
}
