package eu.taskforce.meeting.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.meeting.config.MeetingConfig;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingPaper;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.attachment.ChunkStore;
import eu.taskforce.platform.attachment.StoredDocument;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Papers of a meeting: the AI Office adds one (title, agenda item, visibility, withholding reason), stores its document
 * (streamed into chunks, typed by its bytes: the platform's {@link ChunkStore}) and circulates it. Who reads a
 * circulated paper: the AI Office always; MEMBERS papers representatives of current member organisations; ATTENDEES
 * papers the meeting's invitees; PUBLIC papers everyone once the meeting is held, before that as MEMBERS. A paper the
 * caller may not read does not exist for it (404), nor does one not circulated yet for anyone but the AI Office.
 */
@ApplicationScoped
public class PaperService {

    public static final String RECORD_TYPE = "MeetingPaper";

    /** Chunks in meeting_paper_chunk, owned by a meeting_paper row that keeps the digest. */
    private static final ChunkStore DOCUMENTS = new ChunkStore("meeting_paper_chunk", "paper_id", "meeting_paper",
            "document_sha256");

    private final Access access;
    private final MeetingService meetings;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final MeetingConfig config;

    public PaperService(Access access, MeetingService meetings, Outbox outbox, AuditTrail audit,
                        EntityManager entityManager, DataSource dataSource, MeetingConfig config) {
        this.access = access;
        this.meetings = meetings;
        this.outbox = outbox;
        this.audit = audit;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.config = config;
    }

    public record PaperDetails(String title, Integer agendaItem, PaperVisibility visibility,
                               WithholdingReason withholdingReason) {
    }

    /** Adds a paper, not circulated yet and without its document: the AI Office, to a meeting not cancelled. */
    @Transactional
    public MeetingPaper add(UUID meetingId, PaperDetails details) {
        access.requireAiOffice();
        Meeting meeting = meetings.get(meetingId);
        if (meeting.status == MeetingStatus.CANCELLED) {
            throw ProblemException.conflict("The meeting was cancelled");
        }
        if (details.agendaItem() != null && details.agendaItem() > meeting.agenda.size()) {
            throw ProblemException.badRequest("The agenda has no item " + details.agendaItem() + " (it has "
                    + meeting.agenda.size() + ")");
        }
        if ((details.visibility() == PaperVisibility.PUBLIC) != (details.withholdingReason() == null)) {
            throw ProblemException.badRequest("A paper that is not PUBLIC needs a withholdingReason, a PUBLIC one has none");
        }
        MeetingPaper paper = new MeetingPaper();
        paper.id = UUID.randomUUID();
        paper.meetingId = meetingId;
        paper.agendaItem = details.agendaItem();
        paper.title = details.title().strip();
        paper.visibility = details.visibility();
        paper.withholdingReason = details.withholdingReason();
        paper.createdAt = Timestamps.now();
        paper.updatedAt = paper.createdAt;
        paper.persist();
        audit.record(access.actor(), "PAPER_ADDED", RECORD_TYPE, paper.id);
        MeetingPaper.flush();
        return paper;
    }

    /**
     * Stores (or replaces) the paper's document, the AI Office, until the paper is circulated; the paper's row is locked
     * meanwhile, so that two uploads follow each other. See {@link ChunkStore#store} for the refusals (413, 415, 408).
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "taskforce.meetings.paper-transaction-timeout")
    public MeetingPaper storeDocument(UUID meetingId, UUID paperId, String ifMatch, String fileName, String declaredType,
                                      Long declaredLength, InputStream body) {
        access.requireAiOffice();
        MeetingPaper paper = MeetingPaper.<MeetingPaper>findByIdOptional(paperId, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> p.meetingId.equals(meetingId)).orElseThrow(() -> notFound(paperId));
        Versions.requireMatch(ifMatch, paper.version);
        if (paper.circulated()) {
            throw ProblemException.conflict("The paper was circulated: its document can no longer be replaced");
        }
        ChunkStore.Stored stored = DOCUMENTS.store(entityManager, paperId, declaredType, declaredLength, body,
                new ChunkStore.Limits(config.paperMaxBytes(), config.paperUploadTimeout()));
        paper.documentName = StoredDocument.safeFileName(fileName);
        paper.documentType = stored.mediaType();
        paper.documentSize = stored.size();
        paper.documentSha256 = stored.sha256();
        paper.updatedAt = Timestamps.now();
        audit.record(access.actor(), "PAPER_DOCUMENT_STORED", RECORD_TYPE, paperId);
        MeetingPaper.flush();
        return paper;
    }

    /**
     * Circulates the paper to its readers, now: the AI Office, once, with its document stored, for a meeting not
     * cancelled. Late when this is after the day it was due; announced (metadata only) on the meetings topic.
     */
    @Transactional
    public MeetingPaper circulate(UUID meetingId, UUID paperId, String ifMatch) {
        access.requireAiOffice();
        Meeting meeting = meetings.get(meetingId);
        MeetingPaper paper = find(meetingId, paperId);
        Versions.requireMatch(ifMatch, paper.version);
        if (meeting.status == MeetingStatus.CANCELLED) {
            throw ProblemException.conflict("The meeting was cancelled");
        }
        if (paper.circulated()) {
            throw ProblemException.conflict("The paper was circulated already");
        }
        if (!paper.hasDocument()) {
            throw ProblemException.conflict("The paper has no document yet: store it first");
        }
        paper.circulatedAt = Timestamps.now();
        paper.dueOn = dueOn(meeting);
        paper.late = isLate(paper.circulatedAt, paper.dueOn);
        paper.updatedAt = paper.circulatedAt;
        outbox.add(EventTypes.PAPER_CIRCULATED, meetingId, new PaperCirculated(meetingId, paper.id, paper.agendaItem,
                paper.title, paper.visibility, paper.withholdingReason, paper.circulatedAt, paper.dueOn, paper.late,
                paper.documentType, paper.documentSize, paper.documentSha256));
        audit.record(access.actor(), "PAPER_CIRCULATED", RECORD_TYPE, paper.id);
        MeetingPaper.flush();
        return paper;
    }

    /** The day members should have a meeting's papers by: its start (UTC day) less the notice period. */
    public LocalDate dueOn(Meeting meeting) {
        return meeting.startsAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().minusDays(config.papersDueDays());
    }

    /** Circulated (or, not circulated yet, circulated now) after the day it was due. */
    public static boolean isLate(OffsetDateTime circulatedAt, LocalDate dueOn) {
        return circulatedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().isAfter(dueOn);
    }

    /** The day a paper is due and whether it is late: as recorded when it was circulated, else as if circulated now. */
    public record Lateness(LocalDate dueOn, boolean late) {
    }

    public Lateness lateness(MeetingPaper paper, Meeting meeting) {
        if (paper.circulated()) {
            return new Lateness(paper.dueOn, paper.late);
        }
        LocalDate due = dueOn(meeting);
        return new Lateness(due, isLate(Timestamps.now(), due));
    }

    /** A paper the caller may read; 404 otherwise. */
    public MeetingPaper get(UUID meetingId, UUID paperId) {
        Meeting meeting = meetings.get(meetingId);
        MeetingPaper paper = find(meetingId, paperId);
        if (!readableVisibilities(meeting).contains(paper.visibility)
                || !paper.circulated() && !access.isAiOffice()) {
            throw notFound(paperId);
        }
        return paper;
    }

    /** The papers of a meeting the caller may read, oldest first. */
    public Page<MeetingPaper> list(UUID meetingId, String cursor, int limit) {
        Meeting meeting = meetings.get(meetingId);
        KeysetQuery<MeetingPaper> query = KeysetQuery.of(MeetingPaper.class, "p", p -> p.id)
                .where("p.meetingId = :meeting", "meeting", meetingId);
        if (!access.isAiOffice()) {
            Set<PaperVisibility> visible = readableVisibilities(meeting);
            // an empty "in" list is not valid JPQL: no visibility at all reads nothing
            query.where(visible.isEmpty() ? "p.id is null" : "p.circulatedAt is not null and p.visibility in :visible");
            if (!visible.isEmpty()) {
                query.with("visible", visible);
            }
        }
        return query.byTime("createdAt", p -> p.createdAt).page(cursor, limit);
    }

    /** The document of a paper the caller may read; 404 when it has none or the caller may not read it. */
    public StoredDocument document(UUID meetingId, UUID paperId) {
        return stored(get(meetingId, paperId));
    }

    /**
     * The document of a PUBLIC paper of a meeting held, for anyone, without a token (the public register links to it);
     * 404 for every other paper, whoever asks.
     */
    public StoredDocument publicDocument(UUID paperId) {
        MeetingPaper paper = MeetingPaper.<MeetingPaper>findByIdOptional(paperId)
                .filter(p -> p.visibility == PaperVisibility.PUBLIC && p.circulated())
                .filter(p -> meetings.get(p.meetingId).heldRecordedAt != null)
                .orElseThrow(() -> notFound(paperId));
        return stored(paper);
    }

    private StoredDocument stored(MeetingPaper paper) {
        if (!paper.hasDocument()) {
            throw ProblemException.notFound("Document of paper", paper.id);
        }
        return new StoredDocument(paper.documentName, paper.documentType, paper.documentSize, paper.documentSha256,
                DOCUMENTS.content(dataSource, paper.id, paper.documentSha256, paper.documentSize));
    }

    /** The visibilities whose circulated papers of {@code meeting} the caller reads. */
    private Set<PaperVisibility> readableVisibilities(Meeting meeting) {
        if (access.isAiOffice()) {
            return EnumSet.allOf(PaperVisibility.class);
        }
        Set<PaperVisibility> visible = EnumSet.noneOf(PaperVisibility.class);
        if (meeting.heldRecordedAt != null) {
            visible.add(PaperVisibility.PUBLIC);
        }
        if (access.organisation().flatMap(MemberOrganisation::currentMember).isPresent()) {
            visible.add(PaperVisibility.MEMBERS);
            visible.add(PaperVisibility.PUBLIC);
        }
        if (access.username() != null && meetings.mayJoin(meeting)) {
            visible.add(PaperVisibility.ATTENDEES);
        }
        return visible;
    }

    private static MeetingPaper find(UUID meetingId, UUID paperId) {
        return MeetingPaper.<MeetingPaper>findByIdOptional(paperId).filter(p -> p.meetingId.equals(meetingId))
                .orElseThrow(() -> notFound(paperId));
    }

    private static ProblemException notFound(UUID paperId) {
        return ProblemException.notFound("Paper", paperId);
    }
}
