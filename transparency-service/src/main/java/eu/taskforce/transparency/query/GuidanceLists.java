package eu.taskforce.transparency.query;

import eu.taskforce.contracts.reference.CodeOfPractice;
import com.fasterxml.jackson.core.type.TypeReference;
import eu.taskforce.transparency.query.PublicList.Column;
import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.RegisterDtos.Evidence;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocument;
import eu.taskforce.transparency.query.RegisterDtos.InputWindow;
import eu.taskforce.transparency.query.RegisterDtos.PublicConsultation;
import eu.taskforce.transparency.query.RegisterDtos.PublicFeedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.transparency.query.Rows.joined;
import static eu.taskforce.transparency.query.Rows.json;
import static eu.taskforce.transparency.query.Rows.time;
import static eu.taskforce.transparency.query.Rows.utcKey;
import static eu.taskforce.transparency.query.Rows.uuid;

/**
 * The lists of guidance input: documents, input windows, public feedback, public evidence, and the filters a request
 * may add to them.
 */
public final class GuidanceLists {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /**
     * Whether a JSON array of Code references (the SQL expression {@code column}) names {@code :codeReference}: the
     * commitment or measure itself, or for a commitment one of its measures (SAFETY_AND_SECURITY-3 -> -3.2).
     */
    public static String references(String column) {
        return "exists (select 1 from json_array_elements_text(coalesce(" + column + ", '[]')::json) r(ref) "
                + "where r.ref = :codeReference or starts_with(r.ref, :codeReference || '.'))";
    }

    // --- documents ---------------------------------------------------------------------------------------------------

    public static GuidanceDocument document(ResultSet row) throws SQLException {
        return new GuidanceDocument(uuid(row, "id"), row.getString("title"), row.getString("kind"),
                json(row.getString("ai_act_articles"), STRINGS), json(row.getString("code_references"), STRINGS),
                row.getString("code_edition"), json(row.getString("public_consultation"), new TypeReference<PublicConsultation>() { }),
                time(row, "published_at"), (Integer) row.getObject("latest_version"));
    }

    public static final String DOCUMENT_COLUMNS = "d.id, d.title, d.kind, d.ai_act_articles, d.code_references, d.code_edition, "
            + "d.public_consultation, d.published_at, (select max(v.number) from guidance_version v "
            + "where v.generation = d.generation and v.document_id = d.id) as latest_version";

    /** Documents by the time they were first published. */
    public static final PublicList<GuidanceDocument> DOCUMENTS = new PublicList<>(new ListQuery<>(DOCUMENT_COLUMNS,
            "guidance_document d where d.generation = :g and d.title is not null",
            utcKey("coalesce(d.published_at, d.updated_at)"), "d.id", "d.updated_at", GuidanceLists::document),
            List.of(new Column<>("id", GuidanceDocument::id), new Column<>("title", GuidanceDocument::title),
                    new Column<>("kind", GuidanceDocument::kind),
                    new Column<>("aiActArticles", d -> joined(d.aiActArticles())),
                    new Column<>("codeReferences", d -> joined(d.codeReferences())),
                    new Column<>("codeEdition", GuidanceDocument::codeEdition),
                    new Column<>("publicConsultationUrl", d -> d.publicConsultation() == null ? null
                            : d.publicConsultation().url()),
                    new Column<>("publishedAt", GuidanceDocument::publishedAt),
                    new Column<>("latestVersionNumber", GuidanceDocument::latestVersionNumber)),
            "guidance-documents.csv");

    // --- windows -----------------------------------------------------------------------------------------------------

    public static InputWindow window(ResultSet row) throws SQLException {
        return new InputWindow(uuid(row, "id"), uuid(row, "document_id"), row.getString("document_title"),
                uuid(row, "version_id"), (Integer) row.getObject("version_number"), time(row, "opens_at"),
                time(row, "closes_at"), row.getString("status"), time(row, "closed_at"),
                (Boolean) row.getObject("closed_early"), row.getInt("public_items"), row.getInt("confidential_items"),
                time(row, "dispositions_published_at"));
    }

    /**
     * A window is opened (the event) when the AI Office schedules it, and closes at its closing time even before the
     * window-closed event arrives: its status is told at reading time, as guidance-service tells it.
     */
    public static final String WINDOW_COLUMNS = "w.id, w.document_id, w.document_title, w.version_id, w.version_number, "
            + "w.opens_at, w.closes_at, case when w.status = 'OPEN' and w.opens_at > now() then 'SCHEDULED' "
            + "when w.status = 'OPEN' and w.closes_at <= now() then 'CLOSED' else w.status end as status, "
            + "w.closed_at, w.closed_early, w.public_items, w.confidential_items, w.dispositions_published_at";

    /** Windows (opened, closed or published: not one known only from its notices) by their opening. */
    public static final PublicList<InputWindow> WINDOWS = new PublicList<>(new ListQuery<>(WINDOW_COLUMNS,
            "input_window w where w.generation = :g and w.status is not null",
            utcKey("w.opens_at"), "w.id", "w.updated_at", GuidanceLists::window),
            List.of(new Column<>("id", InputWindow::id), new Column<>("documentId", InputWindow::documentId),
                    new Column<>("documentTitle", InputWindow::documentTitle),
                    new Column<>("versionId", InputWindow::versionId),
                    new Column<>("versionNumber", InputWindow::versionNumber),
                    new Column<>("opensAt", InputWindow::opensAt), new Column<>("closesAt", InputWindow::closesAt),
                    new Column<>("status", InputWindow::status), new Column<>("closedAt", InputWindow::closedAt),
                    new Column<>("closedEarly", InputWindow::closedEarly),
                    new Column<>("publicItems", InputWindow::publicItems),
                    new Column<>("confidentialItems", InputWindow::confidentialItems),
                    new Column<>("dispositionsPublishedAt", InputWindow::dispositionsPublishedAt)),
            "input-windows.csv").changingWithTime();

    // --- feedback ----------------------------------------------------------------------------------------------------

    /**
     * Public items whose dispositions are published, window after window in the order submitted. The organisation
     * only of an ATTRIBUTED item (the derivation keeps it from the others already).
     */
    public static final PublicList<PublicFeedback> FEEDBACK = new PublicList<>(new ListQuery<>(
            "f.id, f.window_id, w.document_id, w.document_title, w.version_id, w.version_number, f.section_key, "
                    + "f.section_title, f.attribution, case when f.attribution = 'ATTRIBUTED' then f.organisation_id end "
                    + "as organisation_id, case when f.attribution = 'ATTRIBUTED' then f.organisation_name end "
                    + "as organisation_name, f.text, f.disposition, f.response, w.dispositions_published_at",
            "feedback f join input_window w on w.generation = f.generation and w.id = f.window_id "
                    + "where f.generation = :g and f.published",
            // the window's publication, the window and the position, as one indexed key (V15)
            "register_feedback_key(f.published_at, f.window_id, f.position)", "f.id",
            "f.updated_at",
            row -> new PublicFeedback(uuid(row, "id"), uuid(row, "window_id"), uuid(row, "document_id"),
                    row.getString("document_title"), uuid(row, "version_id"), (Integer) row.getObject("version_number"),
                    row.getString("section_key"), row.getString("section_title"), row.getString("attribution"),
                    uuid(row, "organisation_id"), row.getString("organisation_name"), row.getString("text"),
                    row.getString("disposition"), row.getString("response"), time(row, "dispositions_published_at"))),
            List.of(new Column<>("id", PublicFeedback::id), new Column<>("windowId", PublicFeedback::windowId),
                    new Column<>("documentId", PublicFeedback::documentId),
                    new Column<>("documentTitle", PublicFeedback::documentTitle),
                    new Column<>("versionNumber", PublicFeedback::versionNumber),
                    new Column<>("sectionKey", PublicFeedback::sectionKey),
                    new Column<>("sectionTitle", PublicFeedback::sectionTitle),
                    new Column<>("attribution", PublicFeedback::attribution),
                    new Column<>("organisationName", PublicFeedback::organisationName),
                    new Column<>("text", PublicFeedback::text), new Column<>("disposition", PublicFeedback::disposition),
                    new Column<>("response", PublicFeedback::response),
                    new Column<>("publishedAt", PublicFeedback::publishedAt)), "guidance-feedback.csv");

    /** Feedback on a document linked to the Code reference. */
    public static final String FEEDBACK_REFERENCES = "exists (select 1 from guidance_document d where d.generation = w.generation "
            + "and d.id = w.document_id and " + references("d.code_references") + ")";

    // --- evidence ----------------------------------------------------------------------------------------------------

    public static Evidence evidence(ResultSet row) throws SQLException {
        return new Evidence(uuid(row, "id"), row.getString("title"), row.getString("summary"), row.getString("type"),
                row.getString("url"), json(row.getString("code_references"), STRINGS), row.getString("code_edition"),
                row.getString("submitter_role"),
                row.getString("attribution"), uuid(row, "organisation_id"), row.getString("organisation_name"),
                time(row, "submitted_at"));
    }

    /** Public submissions by the time submitted. */
    public static final PublicList<Evidence> EVIDENCE = new PublicList<>(new ListQuery<>(
            "e.id, e.title, e.summary, e.type, e.url, e.code_references, e.code_edition, e.submitter_role, e.attribution, "
                    + "case when e.attribution = 'ATTRIBUTED' then e.organisation_id end as organisation_id, "
                    + "case when e.attribution = 'ATTRIBUTED' then e.organisation_name end as organisation_name, "
                    + "e.submitted_at",
            "evidence e where e.generation = :g and e.title is not null",
            utcKey("coalesce(e.submitted_at, e.updated_at)"), "e.id", "e.updated_at", GuidanceLists::evidence),
            List.of(new Column<>("id", Evidence::id), new Column<>("title", Evidence::title),
                    new Column<>("summary", Evidence::summary), new Column<>("type", Evidence::type),
                    new Column<>("url", Evidence::url), new Column<>("codeReferences", e -> joined(e.codeReferences())),
                    new Column<>("codeEdition", Evidence::codeEdition),
                    new Column<>("submitterRole", Evidence::submitterRole),
                    new Column<>("attribution", Evidence::attribution),
                    new Column<>("organisationName", Evidence::organisationName),
                    new Column<>("submittedAt", Evidence::submittedAt)), "guidance-evidence.csv");

    // --- filters -----------------------------------------------------------------------------------------------------

    /** Documents, linked to {@code codeReference} when given (one the Code knows: the resource checks it). */
    public static PublicList.Selection<GuidanceDocument> documents(String codeReference) {
        return DOCUMENTS.all().when(codeReference, "codeReference", references("d.code_references"));
    }

    public static PublicList.Selection<InputWindow> windows(UUID documentId, UUID versionId) {
        return WINDOWS.all().when(documentId, "documentId", "w.document_id = :documentId")
                .when(versionId, "versionId", "w.version_id = :versionId");
    }

    public static PublicList.Selection<PublicFeedback> feedback(UUID documentId, UUID versionId, String sectionKey,
                                                                String codeReference) {
        return FEEDBACK.all().when(documentId, "documentId", "w.document_id = :documentId")
                .when(versionId, "versionId", "w.version_id = :versionId")
                .when(sectionKey, "sectionKey", "f.section_key = :sectionKey")
                .when(codeReference, "codeReference", FEEDBACK_REFERENCES);
    }

    public static PublicList.Selection<Evidence> evidence(String codeReference) {
        return EVIDENCE.all().when(codeReference, "codeReference", references("e.code_references"));
    }

    /** Documents linked to {@code codeReference} of the edition {@code edition} (one the Code knows). */
    public static PublicList.Selection<GuidanceDocument> documents(String codeReference, String edition) {
        return documents(codeReference).when(edition, "codeEdition", edition("d.code_edition"));
    }

    /** Submissions linked to {@code codeReference} of the edition {@code edition} (one the Code knows). */
    public static PublicList.Selection<Evidence> evidence(String codeReference, String edition) {
        return evidence(codeReference).when(edition, "codeEdition", edition("e.code_edition"));
    }

    /** A null edition is the first one: references stored before they named their edition. */
    private static String edition(String column) {
        return "coalesce(" + column + ", '" + CodeOfPractice.FIRST_EDITION + "') = :codeEdition";
    }

    private GuidanceLists() {
    }
}
