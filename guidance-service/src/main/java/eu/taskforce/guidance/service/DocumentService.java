package eu.taskforce.guidance.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.GuidanceKind;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.guidance.domain.GuidanceDocument;
import eu.taskforce.guidance.domain.GuidanceVersion;
import eu.taskforce.guidance.domain.PublicationStatus;
import eu.taskforce.guidance.domain.Section;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.diff.VersionDiff;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Guidance documents and their versions. The AI Office drafts them; a version is published to the Taskforce (the
 * document with its first version); members and stakeholders never see a draft (a 404, as if it did not exist).
 */
@ApplicationScoped
public class DocumentService {

    public static final String DOCUMENT = "GuidanceDocument";
    public static final String VERSION = "GuidanceVersion";

    private final Access access;
    private final Outbox outbox;
    private final AuditTrail audit;

    public DocumentService(Access access, Outbox outbox, AuditTrail audit) {
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
    }

    public record Details(String title, GuidanceKind kind, String description, List<String> aiActArticles,
                          List<String> codeReferences, String codeEdition, Consultation publicConsultation) {
    }

    public record Consultation(LocalDate opensOn, LocalDate closesOn, String url) {
    }

    public record SectionDraft(String key, String title, String text) {
    }

    public record Filter(GuidanceKind kind, String codeReference, OffsetDateTime updatedSince) {
    }

    @Transactional
    public GuidanceDocument create(Details details) {
        GuidanceDocument document = new GuidanceDocument();
        document.id = UUID.randomUUID();
        document.status = PublicationStatus.DRAFT;
        document.createdBy = access.subject();
        document.createdAt = Timestamps.now();
        apply(document, details);
        document.persist();
        audit.record(access.actor(), "DOCUMENT_CREATED", DOCUMENT, document.id);
        GuidanceDocument.flush();
        return document;
    }

    /** A document; a draft is the AI Office's only (404 for anyone else). */
    public GuidanceDocument get(UUID id) {
        return GuidanceDocument.<GuidanceDocument>findByIdOptional(id)
                .filter(d -> d.isPublished() || access.isAiOffice())
                .orElseThrow(() -> ProblemException.notFound("Guidance document", id));
    }

    @Transactional
    public GuidanceDocument update(UUID id, String ifMatch, Details details) {
        GuidanceDocument document = get(id);
        Versions.requireMatch(ifMatch, document.version);
        apply(document, details);
        audit.record(access.actor(), "DOCUMENT_UPDATED", DOCUMENT, id);
        if (document.isPublished()) {
            outbox.add(EventTypes.DOCUMENT_UPDATED, id, profile(document));
        }
        GuidanceDocument.flush();
        return document;
    }

    private static void apply(GuidanceDocument document, Details details) {
        document.title = details.title().strip();
        document.kind = details.kind();
        document.description = details.description() == null ? null : details.description().strip();
        document.aiActArticles.clear();
        document.aiActArticles.addAll(details.aiActArticles() == null ? List.of()
                : List.copyOf(new java.util.LinkedHashSet<>(details.aiActArticles().stream().map(String::strip).toList())));
        document.codeReferences.clear();
        document.codeReferences.addAll(CodeReferences.normalise(details.codeReferences()));
        document.codeEdition = details.codeEdition();
        Consultation consultation = details.publicConsultation();
        if (consultation != null && consultation.closesOn().isBefore(consultation.opensOn())) {
            throw ProblemException.badRequest("publicConsultation.closesOn must not be before publicConsultation.opensOn");
        }
        document.consultationOpensOn = consultation == null ? null : consultation.opensOn();
        document.consultationClosesOn = consultation == null ? null : consultation.closesOn();
        document.consultationUrl = consultation == null ? null : consultation.url().strip();
        document.updatedAt = Timestamps.now();
    }

    /** Documents newest first; or, with updatedSince, by time of change. Drafts for the AI Office only. */
    public Page<GuidanceDocument> search(Filter filter, String cursor, int limit) {
        KeysetQuery<GuidanceDocument> query = KeysetQuery.of(GuidanceDocument.class, "d", d -> d.id);
        if (!access.isAiOffice()) {
            query.where("d.status = :published", "published", PublicationStatus.PUBLISHED);
        }
        return query.filter("d.kind = :kind", "kind", filter.kind())
                .filter(":reference member of d.codeReferences", "reference", filter.codeReference())
                .newestFirst("createdAt", d -> d.createdAt)
                .changedSince(filter.updatedSince(), d -> d.updatedAt)
                .page(cursor, limit);
    }

    /**
     * A new draft version, numbered after the last. Its sections are declared, or copied from the latest version when
     * none are given; a section keeps its identity through its key.
     */
    @Transactional
    public GuidanceVersion createVersion(UUID documentId, String changeNote, List<SectionDraft> sections) {
        GuidanceDocument document = get(documentId);
        GuidanceVersion latest = GuidanceVersion.<GuidanceVersion>find("documentId = ?1 order by number desc", documentId)
                .firstResult();
        GuidanceVersion version = new GuidanceVersion();
        version.id = UUID.randomUUID();
        version.documentId = document.id;
        version.number = latest == null ? 1 : latest.number + 1;
        version.changeNote = changeNote == null ? null : changeNote.strip();
        if (sections == null || sections.isEmpty()) {
            if (latest == null) {
                throw ProblemException.badRequest("sections: the first version of a document must declare its sections");
            }
            latest.sections.forEach(s -> version.sections.add(new Section(s.sectionKey, s.title, s.text)));
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < sections.size(); i++) {
                SectionDraft draft = sections.get(i);
                if (!keys.add(draft.key())) {
                    throw ProblemException.badRequest("sections[" + i + "].key: the key " + draft.key()
                            + " is used twice; a key names one section");
                }
                version.sections.add(new Section(draft.key(), draft.title().strip(), draft.text().strip()));
            }
        }
        version.status = PublicationStatus.DRAFT;
        version.createdBy = access.subject();
        version.createdAt = Timestamps.now();
        version.updatedAt = version.createdAt;
        version.persist();
        audit.record(access.actor(), "VERSION_CREATED", VERSION, version.id);
        GuidanceVersion.flush();
        return version;
    }

    /** A version of a readable document; a draft version is the AI Office's only. */
    public GuidanceVersion version(UUID documentId, int number) {
        get(documentId);
        return GuidanceVersion.of(documentId, number).filter(v -> v.isPublished() || access.isAiOffice())
                .orElseThrow(() -> ProblemException.notFound("Version", number + " of document " + documentId));
    }

    public Page<GuidanceVersion> versions(UUID documentId, OffsetDateTime updatedSince, String cursor, int limit) {
        get(documentId);
        KeysetQuery<GuidanceVersion> query = KeysetQuery.of(GuidanceVersion.class, "v")
                .where("v.documentId = :document", "document", documentId);
        if (!access.isAiOffice()) {
            query.where("v.status = :published", "published", PublicationStatus.PUBLISHED);
        }
        // in the order of their numbers even with updatedSince: a document has few versions
        return query.filter("v.updatedAt >= :since", "since", updatedSince).byNumber("number", v -> v.number)
                .page(cursor, limit);
    }

    /** Publishes a draft version to the Taskforce; the document is published with its first version. */
    @Transactional
    public GuidanceVersion publishVersion(UUID documentId, int number, String ifMatch) {
        GuidanceDocument document = get(documentId);
        GuidanceVersion version = version(documentId, number);
        Versions.requireMatch(ifMatch, version.version);
        if (version.isPublished()) {
            throw ProblemException.conflict("Version " + number + " is published already");
        }
        OffsetDateTime now = Timestamps.now();
        if (!document.isPublished()) {
            document.status = PublicationStatus.PUBLISHED;
            document.publishedAt = now;
            document.updatedAt = now;
            outbox.add(EventTypes.DOCUMENT_PUBLISHED, document.id, profile(document));
            audit.record(access.actor(), "DOCUMENT_PUBLISHED", DOCUMENT, document.id);
        }
        version.status = PublicationStatus.PUBLISHED;
        version.publishedAt = now;
        version.updatedAt = now;
        boolean withText = textFitsInEvent(version);
        List<VersionPublished.Section> sections = new java.util.ArrayList<>();
        for (int i = 0; i < version.sections.size(); i++) {
            Section s = version.sections.get(i);
            sections.add(new VersionPublished.Section(s.sectionKey, i + 1, s.title, withText ? s.text : null));
        }
        outbox.add(EventTypes.VERSION_PUBLISHED, document.id, new VersionPublished(document.id, document.title,
                version.id, version.number, version.changeNote, sections, now));
        audit.record(access.actor(), "VERSION_PUBLISHED", VERSION, version.id);
        GuidanceVersion.flush();
        return version;
    }

    /**
     * Whether the sections' text travels in "version published": the register compares published versions from it,
     * but a Kafka record must stay under its 1 MB limit, so a version with more text is published without any.
     */
    static boolean textFitsInEvent(GuidanceVersion version) {
        long bytes = 0;
        for (Section s : version.sections) {
            bytes += JsonStringEncoder.getInstance().quoteAsUTF8(s.text).length;
        }
        return bytes <= VersionPublished.TEXT_BUDGET_BYTES;
    }

    /** Version {@code number} compared with version {@code from}, section by section; both readable by the caller. */
    public VersionDiff compare(UUID documentId, int number, int from) {
        GuidanceVersion later = version(documentId, number);
        GuidanceVersion earlier = version(documentId, from);
        return VersionDiff.compare(documentId, earlier.number, texts(earlier), later.number, texts(later));
    }

    private static List<VersionDiff.SectionText> texts(GuidanceVersion version) {
        return version.sections.stream().map(s -> new VersionDiff.SectionText(s.sectionKey, s.title, s.text)).toList();
    }

    /** Every version (readable by the caller) that has the section of this key, oldest first. */
    public List<GuidanceVersion> sectionHistory(UUID documentId, String key) {
        get(documentId);
        List<GuidanceVersion> versions = GuidanceVersion.<GuidanceVersion>list(
                        "documentId = ?1 order by number", documentId).stream()
                .filter(v -> v.isPublished() || access.isAiOffice())
                .filter(v -> v.section(key).isPresent()).toList();
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Section", key + " of document " + documentId);
        }
        return versions;
    }

    static DocumentProfile profile(GuidanceDocument d) {
        DocumentProfile.PublicConsultation consultation = d.consultationOpensOn == null ? null
                : new DocumentProfile.PublicConsultation(d.consultationOpensOn, d.consultationClosesOn, d.consultationUrl);
        return new DocumentProfile(d.id, d.title, d.kind, List.copyOf(d.aiActArticles), List.copyOf(d.codeReferences),
                consultation, d.publishedAt, d.codeEdition);
    }
}
