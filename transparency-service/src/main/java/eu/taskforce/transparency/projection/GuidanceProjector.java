package eu.taskforce.transparency.projection;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.FeedbackNotice;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.contracts.guidance.WindowClosed;
import eu.taskforce.contracts.guidance.WindowOpened;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The rows of the guidance aggregates: documents with their versions, input windows with their feedback, evidence. */
@Singleton // called by Projector only, within its transaction
class GuidanceProjector extends AggregateRows {

    private static final List<String> WINDOW_STATUS_ORDER = List.of("OPEN", "CLOSED", "DISPOSITIONS_PUBLISHED");

    GuidanceProjector(RowWrites writes) {
        super(writes);
    }

    void guidanceDocument(int g, UUID id, List<StoredEvent> events) {
        DocumentProfile profile = null;
        String title = null;
        Map<UUID, VersionPublished> versions = new TreeMap<>();
        for (StoredEvent e : events) {
            if (e.is(EventTypes.DOCUMENT_PUBLISHED) || e.is(EventTypes.DOCUMENT_UPDATED)) {
                profile = e.as(DocumentProfile.class);
            } else if (e.is(EventTypes.VERSION_PUBLISHED)) {
                VersionPublished v = e.as(VersionPublished.class);
                versions.put(v.versionId(), v);
                title = v.documentTitle(); // until the document's own event is seen
            }
        }
        OffsetDateTime updated = updated(events);
        delete(g, "guidance_document", "id", id);
        delete(g, "guidance_version", "document_id", id);
        writes.insert("""
                        insert into guidance_document (generation, id, title, kind, ai_act_articles, code_references,
                            code_edition, public_consultation, published_at, updated_at)
                        values (:g, :id, :title, :kind, :articles, :references, :edition, :consultation, :publishedAt,
                            :updated)""")
                .setParameter("g", g).setParameter("id", id)
                .setParameter("title", profile != null ? profile.title() : title)
                .setParameter("kind", profile == null || profile.kind() == null ? null : profile.kind().name())
                .setParameter("articles", json(profile == null ? null : profile.aiActArticles()))
                .setParameter("references", json(profile == null ? null : profile.codeReferences()))
                .setParameter("edition", profile == null ? null : profile.codeEdition())
                .setParameter("consultation", json(profile == null ? null : profile.publicConsultation()))
                .setParameter("publishedAt", profile == null ? null : profile.publishedAt())
                .setParameter("updated", updated).queue();
        versions.values().forEach(v -> {
            List<VersionPublished.Section> sections = v.sections() == null ? List.of() : v.sections();
            boolean withText = !sections.isEmpty() && sections.stream().allMatch(s -> s.text() != null);
            writes.insert("""
                            insert into guidance_version (generation, id, document_id, number, change_note, sections,
                                section_texts, published_at, updated_at)
                            values (:g, :id, :document, :number, :note, :sections, :texts, :publishedAt, :updated)""")
                    .setParameter("g", g).setParameter("id", v.versionId()).setParameter("document", id)
                    .setParameter("number", v.versionNumber()).setParameter("note", v.changeNote())
                    // by key, place and title; the texts apart, read only to compare versions
                    .setParameter("sections", json(sections.stream()
                            .map(s -> new VersionPublished.Section(s.key(), s.position(), s.title())).toList()))
                    .setParameter("texts", withText ? json(sections.stream().map(VersionPublished.Section::text).toList())
                            : null)
                    .setParameter("publishedAt", v.publishedAt()).setParameter("updated", updated).queue();
        });
    }

    /**
     * A window with its feedback. Before the dispositions are published the register knows the PUBLIC items only from
     * the notices (section and attribution, no text) and counts them; dispositions-published replaces them with the
     * items as published. CONFIDENTIAL items are only ever the window's counts.
     */
    void window(int g, UUID id, List<StoredEvent> events) {
        UUID documentId = null, versionId = null;
        String documentTitle = null, status = null;
        Integer versionNumber = null;
        OffsetDateTime opensAt = null, closesAt = null, closedAt = null;
        Boolean closedEarly = null;
        int publicItems = 0, confidentialItems = 0;
        Map<UUID, FeedbackNotice> noticed = new LinkedHashMap<>();
        DispositionsPublished published = null;
        for (StoredEvent e : events) {
            if (e.is(EventTypes.WINDOW_OPENED)) {
                WindowOpened w = e.as(WindowOpened.class);
                documentId = w.documentId(); documentTitle = w.documentTitle(); versionId = w.versionId();
                versionNumber = w.versionNumber(); opensAt = w.opensAt(); closesAt = w.closesAt();
                status = later(WINDOW_STATUS_ORDER, status, "OPEN");
            } else if (e.is(EventTypes.WINDOW_CLOSED)) {
                WindowClosed w = e.as(WindowClosed.class);
                documentId = w.documentId(); documentTitle = w.documentTitle(); versionNumber = w.versionNumber();
                opensAt = w.opensAt(); closesAt = w.closesAt(); closedAt = w.closedAt(); closedEarly = w.closedEarly();
                publicItems = w.publicItems(); confidentialItems = w.confidentialItems();
                status = later(WINDOW_STATUS_ORDER, status, "CLOSED");
            } else if (e.is(EventTypes.DISPOSITIONS_PUBLISHED)) {
                published = e.as(DispositionsPublished.class);
                documentId = published.documentId(); documentTitle = published.documentTitle();
                versionId = published.versionId(); versionNumber = published.versionNumber();
                opensAt = published.opensAt(); closesAt = published.closesAt();
                status = later(WINDOW_STATUS_ORDER, status, "DISPOSITIONS_PUBLISHED");
            } else { // feedback submitted, updated or withdrawn
                FeedbackNotice n = e.as(FeedbackNotice.class);
                documentId = n.documentId(); documentTitle = n.documentTitle(); versionNumber = n.versionNumber();
                publicItems = n.publicItems(); confidentialItems = n.confidentialItems();
                if (n.feedbackId() != null) {
                    if (e.is(EventTypes.FEEDBACK_WITHDRAWN) || n.visibility() != Visibility.PUBLIC) {
                        noticed.remove(n.feedbackId());
                    } else {
                        noticed.put(n.feedbackId(), n);
                    }
                }
            }
        }
        if (published != null) { // the counts as published are final, whatever notice shares their time
            publicItems = published.items().size();
            confidentialItems = published.confidential().stream()
                    .mapToInt(DispositionsPublished.DispositionCount::count).sum();
        }
        OffsetDateTime updated = updated(events);
        // the window's feedback rows as they are before this projection (their deletion is queued after this one)
        writes.deleteWhere("""
                delete from search_document s using feedback f
                where s.generation = ? and s.document_type = 'FEEDBACK' and f.generation = s.generation
                  and f.id = s.document_id and f.window_id = any(?)""", g, id);
        delete(g, "input_window", "id", id);
        delete(g, "feedback", "window_id", id);
        writes.insert("""
                        insert into input_window (generation, id, document_id, document_title, version_id, version_number,
                            opens_at, closes_at, status, closed_at, closed_early, public_items, confidential_items,
                            confidential_dispositions, dispositions_published_at, updated_at)
                        values (:g, :id, :document, :documentTitle, :version, :versionNumber, :opensAt, :closesAt, :status,
                            :closedAt, :closedEarly, :publicItems, :confidentialItems, :confidentialDispositions,
                            :publishedAt, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("document", documentId)
                .setParameter("documentTitle", documentTitle).setParameter("version", versionId)
                .setParameter("versionNumber", versionNumber).setParameter("opensAt", opensAt)
                .setParameter("closesAt", closesAt).setParameter("status", status).setParameter("closedAt", closedAt)
                .setParameter("closedEarly", closedEarly).setParameter("publicItems", publicItems)
                .setParameter("confidentialItems", confidentialItems)
                .setParameter("confidentialDispositions", json(published == null ? null : published.confidential()))
                .setParameter("publishedAt", published == null ? null : published.publishedAt())
                .setParameter("updated", updated).queue();
        int position = 0;
        if (published != null) {
            for (DispositionsPublished.PublicItem item : published.items()) {
                feedback(g, id, ++position, item.feedbackId(), item.sectionKey(), item.sectionTitle(),
                        name(item.attribution()), item.organisationId(), item.organisationName(), item.text(),
                        name(item.disposition()), item.response(), true, published.publishedAt(), updated);
                if (documentTitle != null && item.text() != null) {
                    String title = documentTitle + ", version " + versionNumber
                            + (item.sectionTitle() == null ? "" : ": " + item.sectionTitle());
                    searchDocument(g, "FEEDBACK", item.feedbackId(), title,
                            item.text() + (item.response() == null ? "" : "\n" + item.response()),
                            published.publishedAt(), updated);
                }
            }
        } else {
            for (FeedbackNotice n : noticed.values()) {
                feedback(g, id, ++position, n.feedbackId(), n.sectionKey(), n.sectionTitle(), name(n.attribution()),
                        null, null, null, null, null, false, null, updated);
            }
        }
    }

    /**
     * An item of a window; {@code publishedAt} is the window's publication of the dispositions, kept on the item so that
     * the feedback list's sort key is one row's and indexed (V15, GuidanceLists.FEEDBACK).
     */
    void feedback(int g, UUID window, int position, UUID id, String sectionKey, String sectionTitle,
                          String attribution, UUID organisationId, String organisationName, String text,
                          String disposition, String response, boolean published, OffsetDateTime publishedAt,
                          OffsetDateTime updated) {
        writes.insert("""
                        insert into feedback (generation, id, window_id, position, section_key, section_title, attribution,
                            organisation_id, organisation_name, text, disposition, response, published, published_at,
                            updated_at)
                        values (:g, :id, :window, :position, :sectionKey, :sectionTitle, :attribution, :organisation,
                            :organisationName, :text, :disposition, :response, :published, :publishedAt, :updated)
                        on conflict do nothing""")
                .setParameter("g", g).setParameter("id", id).setParameter("window", window)
                .setParameter("position", position).setParameter("sectionKey", sectionKey)
                .setParameter("sectionTitle", sectionTitle).setParameter("attribution", attribution)
                .setParameter("organisation", organisationId).setParameter("organisationName", organisationName)
                .setParameter("text", text).setParameter("disposition", disposition).setParameter("response", response)
                .setParameter("published", published).setParameter("publishedAt", publishedAt)
                .setParameter("updated", updated).queue();
    }

    void evidence(int g, UUID id, List<StoredEvent> events) {
        EvidenceSubmitted submitted = null;
        for (StoredEvent e : events) {
            submitted = e.as(EvidenceSubmitted.class);
        }
        delete(g, "evidence", "id", id);
        delete(g, "search_document", "document_id", id);
        OffsetDateTime updated = updated(events);
        writes.insert("""
                        insert into evidence (generation, id, title, summary, type, url, code_references, code_edition,
                            submitter_role, attribution, organisation_id, organisation_name, stakeholder_id, submitted_at,
                            updated_at)
                        values (:g, :id, :title, :summary, :type, :url, :references, :edition, :role, :attribution,
                            :organisation, :organisationName, :stakeholder, :submittedAt, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("title", submitted.title())
                .setParameter("summary", submitted.summary()).setParameter("type", name(submitted.type()))
                .setParameter("url", submitted.url()).setParameter("references", json(submitted.codeReferences()))
                .setParameter("edition", submitted.codeEdition())
                .setParameter("role", name(submitted.submitterRole())).setParameter("attribution", name(submitted.attribution()))
                .setParameter("organisation", submitted.organisationId())
                .setParameter("organisationName", submitted.organisationName())
                .setParameter("stakeholder", submitted.stakeholderId())
                .setParameter("submittedAt", submitted.submittedAt()).setParameter("updated", updated).queue();
        if (submitted.title() != null && submitted.summary() != null) {
            searchDocument(g, "EVIDENCE", id, submitted.title(), submitted.summary(), submitted.submittedAt(), updated);
        }
    }
}
