package eu.taskforce.guidance.service;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.Attribution;
import eu.taskforce.contracts.guidance.Disposition;
import eu.taskforce.contracts.guidance.FeedbackNotice;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.guidance.domain.Feedback;
import eu.taskforce.guidance.domain.FeedbackRevision;
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
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Feedback of member organisations within an input window, and the AI Office's dispositions.
 * <p>
 * Who reads what: the AI Office every item; a member its own organisation's items (withdrawn ones included) and the
 * PUBLIC items of others that are not withdrawn; a stakeholder none (403). An item the caller may not read is a 404 (its
 * existence is not revealed); an item it may read but not change (another organisation's PUBLIC item) is a 403.
 */
@ApplicationScoped
public class FeedbackService {

    public static final String RECORD_TYPE = "Feedback";

    private final Access access;
    private final WindowService windows;
    private final Outbox outbox;
    private final AuditTrail audit;

    public FeedbackService(Access access, WindowService windows, Outbox outbox, AuditTrail audit) {
        this.access = access;
        this.windows = windows;
        this.outbox = outbox;
        this.audit = audit;
    }

    public record Input(String sectionKey, String text, Attribution attribution, Visibility visibility,
                        String proposedText) {
    }

    public record Filter(String sectionKey, OffsetDateTime updatedSince) {
    }

    @Transactional
    public Feedback submit(UUID windowId, Input input) {
        MemberOrganisation organisation = access.requireCurrentMember();
        InputWindow window = lockedOpenWindow(windowId);
        GuidanceVersion version = GuidanceVersion.findById(window.versionId);
        requireSection(version, input);
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.windowId = windowId;
        feedback.organisationId = organisation.id;
        feedback.submittedBy = access.subject();
        feedback.createdAt = Timestamps.now();
        feedback.revision = 1;
        apply(feedback, input);
        feedback.persist();
        FeedbackRevision.of(feedback, access.subject()).persist();
        notice(EventTypes.FEEDBACK_SUBMITTED, window, version, feedback, false);
        audit.record(access.actor(), "FEEDBACK_SUBMITTED", RECORD_TYPE, feedback.id);
        Feedback.flush();
        return feedback;
    }

    /** One item, if the caller may read it (404 otherwise). */
    public Feedback get(UUID id) {
        access.requireAiOfficeOrMember();
        Feedback feedback = Feedback.<Feedback>findByIdOptional(id).filter(this::readable)
                .orElseThrow(() -> ProblemException.notFound("Feedback", id));
        windows.get(feedback.windowId);
        return feedback;
    }

    public boolean readable(Feedback feedback) {
        return access.knowsConfidential(feedback.organisationId)
                || (feedback.isPublic() && !feedback.withdrawn && access.organisation().isPresent());
    }

    /** An item the caller's organisation gave: 404 when the caller may not even read it, 403 when it is another's. */
    private Feedback own(UUID id) {
        Feedback feedback = get(id);
        if (!access.represents(feedback.organisationId)) {
            throw ProblemException.forbidden("Only the organisation that gave this feedback may change it");
        }
        return feedback;
    }

    @Transactional
    public Feedback update(UUID id, String ifMatch, Input input) {
        Feedback feedback = own(id);
        Versions.requireMatch(ifMatch, feedback.version);
        InputWindow window = lockedOpenWindow(feedback.windowId);
        if (feedback.withdrawn) {
            throw ProblemException.conflict("The feedback was withdrawn; give new feedback instead");
        }
        GuidanceVersion version = GuidanceVersion.findById(window.versionId);
        requireSection(version, input);
        boolean wasPublic = feedback.isPublic();
        feedback.revision++;
        apply(feedback, input);
        FeedbackRevision.of(feedback, access.subject()).persist();
        Feedback.flush(); // the counts in the notice include this change
        notice(EventTypes.FEEDBACK_UPDATED, window, version, feedback, wasPublic);
        audit.record(access.actor(), "FEEDBACK_UPDATED", RECORD_TYPE, id);
        return feedback;
    }

    @Transactional
    public Feedback withdraw(UUID id, String ifMatch) {
        Feedback feedback = own(id);
        Versions.requireMatch(ifMatch, feedback.version);
        InputWindow window = lockedOpenWindow(feedback.windowId);
        if (feedback.withdrawn) {
            throw ProblemException.conflict("The feedback was withdrawn already");
        }
        feedback.withdrawn = true;
        feedback.revision++;
        feedback.updatedAt = Timestamps.now();
        FeedbackRevision.of(feedback, access.subject()).persist();
        Feedback.flush();
        notice(EventTypes.FEEDBACK_WITHDRAWN, window, GuidanceVersion.findById(window.versionId), feedback,
                feedback.isPublic());
        audit.record(access.actor(), "FEEDBACK_WITHDRAWN", RECORD_TYPE, id);
        return feedback;
    }

    /** The history of an item: its own organisation and the AI Office only (earlier states may have been confidential). */
    public List<FeedbackRevision> revisions(UUID id) {
        Feedback feedback = get(id);
        if (!access.knowsConfidential(feedback.organisationId)) {
            throw ProblemException.forbidden("The history of feedback is read by its organisation and the AI Office only");
        }
        return FeedbackRevision.list("key.feedbackId = ?1 order by key.revision", id);
    }

    /** The AI Office answers an item, once the window has closed and until the dispositions are published. */
    @Transactional
    public Feedback answer(UUID id, String ifMatch, Disposition disposition, String response) {
        Feedback feedback = get(id);
        Versions.requireMatch(ifMatch, feedback.version);
        InputWindow window = InputWindow.findById(feedback.windowId, LockModeType.PESSIMISTIC_WRITE);
        windows.closeIfDue(window);
        if (window.status != WindowStatus.CLOSED) {
            throw ProblemException.conflict("The window is still open; items are answered after it closes");
        }
        if (window.dispositionsPublished()) {
            throw ProblemException.conflict("The dispositions of this window are published; they no longer change");
        }
        if (feedback.withdrawn) {
            throw ProblemException.conflict("The feedback was withdrawn; it needs no disposition");
        }
        feedback.disposition = disposition;
        feedback.response = response.strip();
        feedback.answeredBy = access.subject();
        feedback.answeredAt = Timestamps.now();
        feedback.updatedAt = feedback.answeredAt;
        audit.record(access.actor(), "DISPOSITION_RECORDED", RECORD_TYPE, id);
        Feedback.flush();
        return feedback;
    }

    /** The items of a window the caller may read, oldest first; or, with updatedSince, by time of change. */
    public Page<Feedback> search(UUID windowId, Filter filter, String cursor, int limit) {
        access.requireAiOfficeOrMember();
        windows.get(windowId);
        KeysetQuery<Feedback> query = KeysetQuery.of(Feedback.class, "f", f -> f.id)
                .where("f.windowId = :window", "window", windowId);
        if (!access.isAiOffice()) {
            query.where("f.organisationId = :organisation or (f.visibility = :public and f.withdrawn = false)")
                    .with("organisation", access.organisation().orElseThrow()).with("public", Visibility.PUBLIC);
        }
        return query.filter("f.sectionKey = :section", "section", filter.sectionKey())
                .byTime("createdAt", f -> f.createdAt)
                .changedSince(filter.updatedSince(), f -> f.updatedAt)
                .page(cursor, limit);
    }

    /** A section of a version and a page of the wording proposed for it. */
    public record Proposals(GuidanceVersion version, Section section, InputWindow window, Page<Feedback> page) {
    }

    /**
     * The AI Office's side-by-side view: a section of a version and the replacement texts proposed for it in the
     * version's window (items not withdrawn, oldest first). 404 when the version (a draft included, for the AI Office)
     * has no such section.
     */
    public Proposals proposals(GuidanceVersion version, String sectionKey, String cursor, int limit) {
        access.requireAiOffice();
        Section section = version.section(sectionKey).orElseThrow(() ->
                ProblemException.notFound("Section", sectionKey + " of version " + version.number));
        InputWindow window = InputWindow.<InputWindow>find("versionId", version.id).firstResult();
        Page<Feedback> page = window == null ? new Page<>(List.of(), null)
                : KeysetQuery.of(Feedback.class, "f", f -> f.id)
                        .where("f.windowId = :window", "window", window.id)
                        .where("f.sectionKey = :section", "section", sectionKey)
                        .where("f.proposedText is not null and f.withdrawn = false")
                        .byTime("createdAt", f -> f.createdAt)
                        .page(cursor, limit);
        return new Proposals(version, section, window, page);
    }

    /**
     * The window, if it accepts input now (409 before it opens and once closed), locked for update: against a concurrent
     * close, and so that concurrent submissions take turns and each notice counts the items committed before it.
     */
    private InputWindow lockedOpenWindow(UUID windowId) {
        InputWindow window = windows.get(windowId);
        // locked and read again: the row as a concurrent close committed it (a lock alone keeps the state read before)
        InputWindow.getEntityManager().refresh(window, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = Timestamps.now();
        WindowPhase phase = window.phase(now);
        if (phase == WindowPhase.SCHEDULED) {
            throw ProblemException.conflict("The window opens at " + window.opensAt + "; input is accepted from then on");
        }
        if (phase == WindowPhase.CLOSED) {
            throw ProblemException.conflict("The window closed at "
                    + (window.closedAt != null ? window.closedAt : window.closesAt) + "; input is no longer accepted");
        }
        return window;
    }

    private static void requireSection(GuidanceVersion version, Input input) {
        String key = input.sectionKey();
        if (key != null && version.section(key).isEmpty()) {
            throw ProblemException.badRequest("sectionKey: version " + version.number + " has no section " + key);
        }
        if (input.proposedText() != null && input.proposedText().isBlank()) {
            throw ProblemException.badRequest("proposedText: must not be blank; leave it out to propose no wording");
        }
        if (key == null && input.proposedText() != null) {
            throw ProblemException.badRequest("proposedText: a replacement text is proposed for a section; name it in"
                    + " sectionKey");
        }
    }

    private static void apply(Feedback feedback, Input input) {
        feedback.sectionKey = input.sectionKey();
        feedback.text = input.text().strip();
        feedback.proposedText = input.proposedText() == null ? null : input.proposedText().strip();
        feedback.attribution = input.attribution();
        feedback.visibility = input.visibility();
        feedback.updatedAt = Timestamps.now();
    }

    /**
     * The public projection: never the text; a CONFIDENTIAL item only as a count (no id, section or organisation),
     * unless it was PUBLIC before this change (its id only, so that a register can drop it); never the organisation, which
     * the dispositions name once the attribution can no longer change.
     */
    private void notice(EventType<FeedbackNotice> type, InputWindow window, GuidanceVersion version, Feedback f,
                        boolean wasPublic) {
        GuidanceDocument document = GuidanceDocument.findById(window.documentId);
        WindowService.Counts counts = WindowService.counts(window.id);
        boolean isPublic = f.isPublic();
        outbox.add(type, window.id, new FeedbackNotice(window.id, document.id, document.title, version.number,
                isPublic || wasPublic ? f.id : null, f.visibility,
                isPublic ? f.sectionKey : null, isPublic ? WindowService.sectionTitle(version, f.sectionKey) : null,
                isPublic ? f.attribution : null, counts.publicItems(), counts.confidentialItems(), f.updatedAt));
    }
}
