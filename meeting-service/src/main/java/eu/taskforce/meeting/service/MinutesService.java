package eu.taskforce.meeting.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.SummaryPublished;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.meeting.domain.MeetingSummary;
import eu.taskforce.meeting.domain.Minutes;
import eu.taskforce.meeting.domain.MinutesComment;
import eu.taskforce.meeting.domain.MinutesStatus;
import eu.taskforce.meeting.domain.WithheldPart;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Minutes and the public summary. The AI Office drafts the minutes of a meeting held, puts them in review for the
 * attending organisations' representatives to comment, and approves them; from approved minutes it publishes a
 * high-level public summary, keeps a confidential annex, and lists publicly what is withheld and why. The minutes,
 * the comments and the annex never leave this service.
 */
@ApplicationScoped
public class MinutesService {

    public static final String RECORD_TYPE = "Minutes";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;
    private final MeetingService meetings;

    public MinutesService(Outbox outbox, AuditTrail audit, Access access, MeetingService meetings) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.meetings = meetings;
    }

    public record Part(String title, WithholdingReason reason) {
    }

    /** The result of writing the minutes: whether they were created by this write. */
    public record Written(Minutes minutes, boolean created) {
    }

    /** The AI Office always; a representative of an attending organisation once the minutes are in review. */
    public Minutes read(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        requireOfficeOrAttendee(meeting);
        Minutes minutes = Minutes.findById(meetingId);
        if (minutes == null || (!access.isAiOffice() && minutes.status == MinutesStatus.DRAFT)) {
            throw new ProblemException(404, "not-found", "Not found",
                    "The minutes of meeting " + meetingId + " are not " + (minutes == null ? "written" : "in review")
                            + " yet");
        }
        return minutes;
    }

    @Transactional
    public Written write(UUID meetingId, String ifMatch, String text) {
        access.requireAiOffice();
        Meeting meeting = meetings.get(meetingId);
        if (meeting.status != MeetingStatus.HELD) {
            throw ProblemException.conflict("The meeting is " + meeting.status
                    + "; minutes are written for a meeting held, before its summary is published");
        }
        Minutes minutes = Minutes.findById(meetingId);
        boolean created = minutes == null;
        if (created) {
            minutes = new Minutes();
            minutes.meetingId = meetingId;
            minutes.status = MinutesStatus.DRAFT;
            minutes.text = text;
            minutes.createdAt = Timestamps.now();
            minutes.updatedAt = minutes.createdAt;
            minutes.persist();
        } else {
            Versions.requireMatch(ifMatch, minutes.version);
            if (minutes.status == MinutesStatus.APPROVED) {
                throw ProblemException.conflict("The minutes are approved; they no longer change");
            }
            minutes.text = text;
            minutes.updatedAt = Timestamps.now();
        }
        audit.record(access.actor(), "MINUTES_WRITTEN", RECORD_TYPE, meetingId);
        Minutes.flush();
        return new Written(minutes, created);
    }

    @Transactional
    public Minutes startReview(UUID meetingId, String ifMatch) {
        return move(meetingId, ifMatch, MinutesStatus.DRAFT, MinutesStatus.IN_REVIEW, "MINUTES_IN_REVIEW");
    }

    @Transactional
    public Minutes approve(UUID meetingId, String ifMatch) {
        return move(meetingId, ifMatch, MinutesStatus.IN_REVIEW, MinutesStatus.APPROVED, "MINUTES_APPROVED");
    }

    private Minutes move(UUID meetingId, String ifMatch, MinutesStatus from, MinutesStatus to, String action) {
        access.requireAiOffice();
        meetings.get(meetingId);
        Minutes minutes = Minutes.<Minutes>findByIdOptional(meetingId).orElseThrow(() -> ProblemException.conflict(
                "The minutes of meeting " + meetingId + " are not written yet"));
        Versions.requireMatch(ifMatch, minutes.version);
        if (minutes.status != from) {
            throw ProblemException.conflict("The minutes are " + minutes.status + "; only minutes " + from
                    + " become " + to);
        }
        minutes.status = to;
        minutes.updatedAt = Timestamps.now();
        if (to == MinutesStatus.IN_REVIEW) {
            minutes.reviewStartedAt = minutes.updatedAt;
        } else {
            minutes.approvedAt = minutes.updatedAt;
            minutes.approvedBy = access.subject();
        }
        audit.record(access.actor(), action, RECORD_TYPE, meetingId);
        Minutes.flush();
        return minutes;
    }

    /** A representative of an attending organisation comments on minutes in review. */
    @Transactional
    public MinutesComment comment(UUID meetingId, String text) {
        Meeting meeting = meetings.get(meetingId);
        UUID organisation = access.organisation().filter(meeting.attendance::contains).orElseThrow(() ->
                ProblemException.forbidden("Only representatives of the organisations that attended comment on the"
                        + " minutes"));
        Minutes minutes = Minutes.findById(meetingId);
        if (minutes == null || minutes.status != MinutesStatus.IN_REVIEW) {
            throw ProblemException.conflict("The minutes are " + (minutes == null ? "not written yet" : minutes.status)
                    + "; comments are taken while they are IN_REVIEW");
        }
        MinutesComment comment = new MinutesComment();
        comment.id = UUID.randomUUID();
        comment.meetingId = meetingId;
        comment.organisationId = organisation;
        comment.author = access.subject();
        comment.text = text.strip();
        comment.createdAt = Timestamps.now();
        comment.persist();
        audit.record(access.actor(), "MINUTES_COMMENTED", RECORD_TYPE, meetingId);
        return comment;
    }

    public Page<MinutesComment> comments(UUID meetingId, String cursor, int limit) {
        read(meetingId);
        return KeysetQuery.of(MinutesComment.class, "c", c -> c.id).where("c.meetingId = :meeting", "meeting", meetingId)
                .byTime("createdAt", c -> c.createdAt).page(cursor, limit);
    }

    /**
     * Publishes the summary of a meeting held, from its approved minutes. What the confidential annex keeps back is
     * listed publicly (title and reason), so an annex needs at least one withheld part and withheld parts need an annex.
     */
    @Transactional
    public MeetingSummary publishSummary(UUID meetingId, String summary, String annex, List<Part> withheld) {
        access.requireAiOffice();
        Meeting meeting = meetings.get(meetingId);
        meeting.status.requireCanBecome(MeetingStatus.SUMMARY_PUBLISHED);
        Minutes minutes = Minutes.findById(meetingId);
        if (minutes == null || minutes.status != MinutesStatus.APPROVED) {
            throw ProblemException.conflict("The minutes are " + (minutes == null ? "not written yet" : minutes.status)
                    + "; the summary is published from approved minutes");
        }
        String confidentialAnnex = MeetingService.blankToNull(annex);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (confidentialAnnex != null && withheld.isEmpty()) {
            errors.add("withheldParts", "must list what the confidential annex withholds (title and reason)");
        }
        if (confidentialAnnex == null && !withheld.isEmpty()) {
            errors.add("confidentialAnnex", "is required when parts are withheld");
        }
        errors.throwIfAny();
        MeetingSummary published = new MeetingSummary();
        published.meetingId = meetingId;
        published.summary = summary.strip();
        published.confidentialAnnex = confidentialAnnex;
        withheld.forEach(p -> published.withheldParts.add(WithheldPart.of(p.title().strip(), p.reason())));
        published.publishedBy = access.subject();
        published.publishedAt = Timestamps.now();
        published.persist();
        meeting.status = MeetingStatus.SUMMARY_PUBLISHED;
        meeting.updatedAt = published.publishedAt;
        outbox.add(EventTypes.SUMMARY_PUBLISHED, meetingId, new SummaryPublished(meetingId, published.summary,
                published.withheldParts.stream().map(p -> new SummaryPublished.WithheldPart(p.title, p.reason)).toList(),
                published.publishedAt));
        audit.record(access.actor(), "SUMMARY_PUBLISHED", MeetingService.RECORD_TYPE, meetingId);
        Meeting.flush();
        return published;
    }

    /** The public summary and the withheld parts: any authenticated caller, once published. */
    public MeetingSummary summary(UUID meetingId) {
        meetings.get(meetingId);
        return MeetingSummary.<MeetingSummary>findByIdOptional(meetingId).orElseThrow(() -> new ProblemException(404,
                "not-found", "Not found", "The summary of meeting " + meetingId + " is not published yet"));
    }

    /** The confidential annex: the AI Office and the attending organisations' representatives. */
    public MeetingSummary annex(UUID meetingId) {
        requireOfficeOrAttendee(meetings.get(meetingId));
        return summary(meetingId);
    }

    private void requireOfficeOrAttendee(Meeting meeting) {
        if (!access.isAiOffice()
                && access.organisation().filter(meeting.attendance::contains).isEmpty()) {
            throw ProblemException.forbidden("Only the AI Office and representatives of the organisations that"
                    + " attended may read this");
        }
    }
}
