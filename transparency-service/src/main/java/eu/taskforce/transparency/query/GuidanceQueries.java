package eu.taskforce.transparency.query;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.RegisterDtos.CodeReferenceOverview;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocument;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocumentDetails;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceVersion;
import eu.taskforce.transparency.query.RegisterDtos.InputWindow;
import eu.taskforce.transparency.query.RegisterDtos.Section;
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

    /** A version's sections, as the read model stores them (JSON). */
    static List<Section> sections(String json) {
        return Objects.requireNonNullElse(Rows.json(json, new TypeReference<List<Section>>() { }), List.of());
    }
}
