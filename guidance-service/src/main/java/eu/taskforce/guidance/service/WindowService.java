package eu.taskforce.guidance.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.contracts.guidance.WindowClosed;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.guidance.domain.Feedback;
import eu.taskforce.guidance.domain.GuidanceDocument;
import eu.taskforce.guidance.domain.GuidanceVersion;
import eu.taskforce.guidance.domain.InputWindow;
import eu.taskforce.guidance.domain.Section;
import eu.taskforce.guidance.domain.WindowPhase;
import eu.taskforce.guidance.domain.WindowStatus;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Taskforce input windows: opened by the AI Office on a published version, closed at their closing time by a scheduled
 * job (or earlier by the AI Office), then answered item by item and the dispositions published together.
 */
@ApplicationScoped
public class WindowService {

    public static final String RECORD_TYPE = "InputWindow";
    static final Actor CLOSER = Actor.system("window-closer");
    private static final Logger LOG = Logger.getLogger(WindowService.class);

    private final Access access;
    private final DocumentService documents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entityManager;

    public WindowService(Access access, DocumentService documents, Outbox outbox, AuditTrail audit,
                         EntityManager entityManager) {
        this.access = access;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    public record Filter(UUID documentId, WindowStatus status, OffsetDateTime updatedSince) {
    }

    @Transactional
    public InputWindow open(UUID documentId, int number, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        GuidanceDocument document = documents.get(documentId);
        GuidanceVersion version = documents.version(documentId, number);
        OffsetDateTime now = Timestamps.now();
        OffsetDateTime opening = opensAt == null ? now : opensAt.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        OffsetDateTime closing = closesAt.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        if (!closing.isAfter(now)) {
            throw ProblemException.badRequest("closesAt must be in the future");
        }
        if (!closing.isAfter(opening)) {
            throw ProblemException.badRequest("closesAt must be after opensAt");
        }
        if (!version.isPublished()) {
            throw ProblemException.conflict("Version " + number + " is a draft; publish it before opening a window on it");
        }
        if (InputWindow.count("versionId", version.id) > 0) {
            throw ProblemException.conflict("Version " + number + " has an input window already");
        }
        InputWindow window = new InputWindow();
        window.id = UUID.randomUUID();
        window.documentId = documentId;
        window.versionId = version.id;
        window.opensAt = opening;
        window.closesAt = closing;
        window.status = WindowStatus.OPEN;
        window.createdBy = access.subject();
        window.createdAt = now;
        window.updatedAt = now;
        window.persist();
        outbox.add(EventTypes.WINDOW_OPENED, window.id, new WindowOpened(window.id, documentId, document.title,
                version.id, version.number, window.opensAt, window.closesAt));
        audit.record(access.actor(), "WINDOW_OPENED", RECORD_TYPE, window.id);
        InputWindow.flush();
        return window;
    }

    /** A window; readable by everyone signed in, as its document is published. */
    public InputWindow get(UUID id) {
        InputWindow window = InputWindow.<InputWindow>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Input window", id));
        documents.get(window.documentId);
        return window;
    }

    public Page<InputWindow> search(Filter filter, String cursor, int limit) {
        return KeysetQuery.of(InputWindow.class, "w", w -> w.id)
                .filter("w.documentId = :document", "document", filter.documentId())
                .filter("w.status = :status", "status", filter.status())
                .newestFirst("createdAt", w -> w.createdAt)
                .changedSince(filter.updatedSince(), w -> w.updatedAt)
                .page(cursor, limit);
    }

    /** The AI Office closes a window before its closing time; recorded as closed early, by whom. */
    @Transactional
    public InputWindow closeEarly(UUID id, String ifMatch) {
        get(id);
        InputWindow window = InputWindow.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, window.version);
        if (window.status == WindowStatus.CLOSED) {
            throw ProblemException.conflict("The window is closed already");
        }
        OffsetDateTime now = Timestamps.now();
        if (!now.isBefore(window.closesAt)) {
            close(window, window.closesAt, false, CLOSER); // its closing time passed: an ordinary close
        } else {
            close(window, now, true, access.actor());
        }
        InputWindow.flush();
        return window;
    }

    /**
     * Closes every open window whose closing time has passed, each once even with several instances: the rows are
     * locked with SKIP LOCKED, so another instance's pass skips them, and a closed row no longer matches.
     */
    @Scheduled(every = "${taskforce.guidance.window-close-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeDueWindows() {
        try {
            QuarkusTransaction.requiringNew().run(this::closeDue);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Closing due windows failed; the next pass tries again");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void closeDue() {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        select id from input_window where status = 'OPEN' and closes_at <= now()
                        order by closes_at limit 100 for update skip locked""", UUID.class)
                .getResultList();
        for (UUID id : due) {
            InputWindow window = InputWindow.findById(id);
            close(window, window.closesAt, false, CLOSER);
        }
    }

    /** Closes a window whose closing time has passed, if the scheduled job has not yet; inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public InputWindow closeIfDue(InputWindow window) {
        if (window.status == WindowStatus.OPEN && window.phase(Timestamps.now()) == WindowPhase.CLOSED) {
            entityManager.lock(window, LockModeType.PESSIMISTIC_WRITE);
            entityManager.refresh(window);
            if (window.status == WindowStatus.OPEN) {
                close(window, window.closesAt, false, CLOSER);
            }
        }
        return window;
    }

    private void close(InputWindow window, OffsetDateTime at, boolean early, Actor by) {
        window.status = WindowStatus.CLOSED;
        window.closedAt = at;
        window.closedEarly = early;
        window.closedBy = by.subject();
        window.updatedAt = Timestamps.now();
        GuidanceDocument document = GuidanceDocument.findById(window.documentId);
        GuidanceVersion version = GuidanceVersion.findById(window.versionId);
        Counts counts = counts(window.id);
        outbox.add(EventTypes.WINDOW_CLOSED, window.id, new WindowClosed(window.id, document.id, document.title,
                version.number, window.opensAt, window.closesAt, at, early, counts.publicItems(),
                counts.confidentialItems()));
        audit.record(by, "WINDOW_CLOSED", RECORD_TYPE, window.id);
    }

    /** Items not withdrawn, by visibility. */
    public record Counts(int publicItems, int confidentialItems) {
    }

    public static Counts counts(UUID windowId) {
        long publicItems = Feedback.count("windowId = ?1 and withdrawn = false and visibility = ?2", windowId,
                Visibility.PUBLIC);
        long confidentialItems = Feedback.count("windowId = ?1 and withdrawn = false and visibility = ?2", windowId,
                Visibility.CONFIDENTIAL);
        return new Counts((int) publicItems, (int) confidentialItems);
    }

    /**
     * Publishes the AI Office's answers, all together, once the window is closed and every item not withdrawn has one.
     * The PUBLIC items become public with their disposition; the CONFIDENTIAL ones only as counts.
     */
    @Transactional
    public InputWindow publishDispositions(UUID id, String ifMatch) {
        get(id);
        InputWindow window = InputWindow.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireMatch(ifMatch, window.version);
        closeIfDue(window);
        if (window.status != WindowStatus.CLOSED) {
            throw ProblemException.conflict("The window is still open; dispositions are published after it closes");
        }
        if (window.dispositionsPublished()) {
            throw ProblemException.conflict("The dispositions of this window are published already");
        }
        List<Feedback> items = Feedback.list("windowId = ?1 and withdrawn = false order by createdAt, id", id);
        long missing = items.stream().filter(f -> f.disposition == null).count();
        if (missing > 0) {
            throw ProblemException.conflict(missing + (missing == 1 ? " item is" : " items are")
                    + " not answered yet; every item not withdrawn needs a disposition before publication");
        }
        OffsetDateTime now = Timestamps.now();
        window.dispositionsPublishedAt = now;
        window.updatedAt = now;
        GuidanceDocument document = GuidanceDocument.findById(window.documentId);
        GuidanceVersion version = GuidanceVersion.findById(window.versionId);
        Map<UUID, String> names = MemberOrganisation.names(items.stream().map(f -> f.organisationId).toList());
        List<DispositionsPublished.PublicItem> publicItems = new ArrayList<>();
        Map<Disposition, Integer> confidential = new java.util.EnumMap<>(Disposition.class);
        for (Disposition d : Disposition.values()) {
            confidential.put(d, 0);
        }
        for (Feedback f : items) {
            if (f.isPublic()) {
                boolean attributed = f.attribution == eu.taskforce.contracts.guidance.Attribution.ATTRIBUTED;
                publicItems.add(new DispositionsPublished.PublicItem(f.id, f.sectionKey, sectionTitle(version, f.sectionKey),
                        f.attribution, attributed ? f.organisationId : null,
                        attributed ? names.get(f.organisationId) : null, f.text, f.disposition, f.response));
            } else {
                confidential.merge(f.disposition, 1, Integer::sum);
            }
        }
        outbox.add(EventTypes.DISPOSITIONS_PUBLISHED, id, new DispositionsPublished(id, document.id, document.title,
                version.id, version.number, window.opensAt, window.closesAt, publicItems,
                confidential.entrySet().stream()
                        .map(e -> new DispositionsPublished.DispositionCount(e.getKey(), e.getValue())).toList(),
                now));
        audit.record(access.actor(), "DISPOSITIONS_PUBLISHED", RECORD_TYPE, id);
        InputWindow.flush();
        return window;
    }

    static String sectionTitle(GuidanceVersion version, String key) {
        return key == null ? null : version.section(key).map(s -> s.title).orElse(null);
    }

    /** The section titles of a version, by key. */
    static Map<String, String> sectionTitles(GuidanceVersion version) {
        Map<String, String> titles = new java.util.HashMap<>();
        for (Section s : version.sections) {
            titles.put(s.sectionKey, s.title);
        }
        return titles;
    }
}
