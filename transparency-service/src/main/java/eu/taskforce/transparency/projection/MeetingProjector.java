package eu.taskforce.transparency.projection;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.DecisionSubject;
import eu.taskforce.contracts.meetings.MeetingCancelled;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingRequestAccepted;
import eu.taskforce.contracts.meetings.MeetingRequestDeclined;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.meetings.MeetingRequestSupported;
import eu.taskforce.contracts.meetings.MeetingRescheduled;
import eu.taskforce.contracts.meetings.SummaryOverdue;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.SummaryPublished;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rows of the meeting aggregates: meetings (and their search documents), requests, decisions, cadence warnings. */
@Singleton // called by Projector only, within its transaction
class MeetingProjector extends AggregateRows {

    /** A meeting's states in their lifecycle, so that a tie in time cannot move a meeting back. */
    private static final List<String> MEETING_STATUS_ORDER = List.of(
            "SCHEDULED", "RESCHEDULED", "CANCELLED", "HELD", "SUMMARY_PUBLISHED");

    MeetingProjector(RowWrites writes) {
        super(writes);
    }

    void meeting(int g, UUID id, List<StoredEvent> events) {
        String title = null, kind = null, format = null, timeZone = null, location = null, status = null;
        String cancellation = null, summary = null;
        OffsetDateTime startsAt = null, endsAt = null, summaryPublishedAt = null;
        UUID requestId = null;
        int agendaRevision = 0;
        List<AgendaPublished.Item> agenda = null;
        List<MeetingHeld.Attendee> attendance = null;
        Integer individualAttendees = null;
        List<UUID> stakeholderAttendees = List.of();
        List<SummaryPublished.WithheldPart> withheld = null;
        LocalDate summaryDueOn = null;
        List<PaperCirculated> papers = new java.util.ArrayList<>();
        for (StoredEvent e : events) {
            if (e.is(EventTypes.MEETING_CONVENED)) {
                MeetingConvened m = e.as(MeetingConvened.class);
                title = m.title(); kind = m.kind().name(); format = m.format().name();
                startsAt = m.startsAt(); endsAt = m.endsAt(); timeZone = m.timeZone(); location = m.location();
                requestId = m.requestId();
                status = later(MEETING_STATUS_ORDER, status, "SCHEDULED");
            } else if (e.is(EventTypes.MEETING_RESCHEDULED)) {
                MeetingRescheduled m = e.as(MeetingRescheduled.class);
                startsAt = m.startsAt(); endsAt = m.endsAt(); timeZone = m.timeZone();
                status = later(MEETING_STATUS_ORDER, status, "RESCHEDULED");
            } else if (e.is(EventTypes.AGENDA_PUBLISHED)) {
                AgendaPublished a = e.as(AgendaPublished.class);
                if (a.revision() > agendaRevision) { // a later revision replaces an earlier one, never the reverse
                    agendaRevision = a.revision();
                    agenda = a.items();
                }
            } else if (e.is(EventTypes.MEETING_CANCELLED)) {
                cancellation = e.as(MeetingCancelled.class).reason();
                status = later(MEETING_STATUS_ORDER, status, "CANCELLED");
            } else if (e.is(EventTypes.MEETING_HELD)) {
                MeetingHeld m = e.as(MeetingHeld.class);
                title = m.title(); kind = m.kind().name(); startsAt = m.startsAt(); endsAt = m.endsAt();
                attendance = m.attendance(); individualAttendees = m.individualAttendees();
                stakeholderAttendees = m.stakeholderAttendees() == null ? List.of() : m.stakeholderAttendees();
                status = later(MEETING_STATUS_ORDER, status, "HELD");
            } else if (e.is(EventTypes.SUMMARY_PUBLISHED)) {
                SummaryPublished s = e.as(SummaryPublished.class);
                summary = s.summary(); withheld = s.withheldParts(); summaryPublishedAt = s.publishedAt();
                status = later(MEETING_STATUS_ORDER, status, "SUMMARY_PUBLISHED");
            } else if (e.is(EventTypes.SUMMARY_OVERDUE)) {
                summaryDueOn = e.as(SummaryOverdue.class).dueOn();
            } else if (e.is(EventTypes.PAPER_CIRCULATED)) {
                papers.add(e.as(PaperCirculated.class));
            }
        }
        OffsetDateTime updated = updated(events);
        delete(g, "meeting", "id", id);
        writes.insert("""
                        insert into meeting (generation, id, title, kind, format, starts_at, ends_at, time_zone, location,
                            request_id, status, cancellation_reason, agenda_revision, agenda, attendance,
                            individual_attendees, summary, withheld_parts, summary_published_at, summary_due_on, updated_at)
                        values (:g, :id, :title, :kind, :format, :startsAt, :endsAt, :timeZone, :location, :requestId,
                            :status, :cancellation, :agendaRevision, :agenda, :attendance, :individual, :summary,
                            :withheld, :summaryPublishedAt, :summaryDueOn, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("title", title).setParameter("kind", kind)
                .setParameter("format", format).setParameter("startsAt", startsAt).setParameter("endsAt", endsAt)
                .setParameter("timeZone", timeZone).setParameter("location", location)
                .setParameter("requestId", requestId).setParameter("status", status)
                .setParameter("cancellation", cancellation).setParameter("agendaRevision", agendaRevision)
                .setParameter("agenda", json(agenda)).setParameter("attendance", json(attendance))
                .setParameter("individual", individualAttendees).setParameter("summary", summary)
                .setParameter("withheld", json(withheld)).setParameter("summaryPublishedAt", summaryPublishedAt)
                .setParameter("summaryDueOn", summaryDueOn).setParameter("updated", updated).queue();
        papers(g, id, papers, updated);
        delete(g, "meeting_stakeholder", "meeting_id", id);
        // the stakeholders' histories: ids only, shown only for a stakeholder listed publicly
        stakeholderAttendees.stream().distinct().forEach(stakeholder -> writes.insert("""
                        insert into meeting_stakeholder (generation, meeting_id, stakeholder_id)
                        values (:g, :meeting, :stakeholder)""")
                .setParameter("g", g).setParameter("meeting", id).setParameter("stakeholder", stakeholder)
                .queue());
        delete(g, "search_document", "document_id", id);
        if (title != null && agenda != null && !agenda.isEmpty()) {
            String body = agenda.stream().map(i -> i.title() + (i.description() == null ? "" : ". " + i.description())
                    + (i.codeReferences() == null ? "" : " " + String.join(" ", i.codeReferences())))
                    .collect(Collectors.joining("\n"));
            searchDocument(g, "AGENDA", id, title, body, startsAt, updated);
        }
        if (title != null && summary != null) {
            searchDocument(g, "SUMMARY", id, title, summary, startsAt, updated);
        }
    }

    /** The meeting's papers as circulated (each paper is circulated once). */
    private void papers(int g, UUID meetingId, List<PaperCirculated> papers, OffsetDateTime updated) {
        delete(g, "meeting_paper", "meeting_id", meetingId);
        for (PaperCirculated p : papers) {
            writes.insert("""
                            insert into meeting_paper (generation, id, meeting_id, agenda_item, title, visibility,
                                withholding_reason, circulated_at, due_on, late, media_type, size, sha256, updated_at)
                            values (:g, :id, :meeting, :agendaItem, :title, :visibility, :reason, :circulatedAt, :dueOn,
                                :late, :mediaType, :size, :sha256, :updated) on conflict do nothing""")
                    .setParameter("g", g).setParameter("id", p.paperId()).setParameter("meeting", meetingId)
                    .setParameter("agendaItem", p.agendaItem()).setParameter("title", p.title())
                    .setParameter("visibility", p.visibility().name())
                    .setParameter("reason", p.withholdingReason() == null ? null : p.withholdingReason().name())
                    .setParameter("circulatedAt", p.circulatedAt()).setParameter("dueOn", p.dueOn())
                    .setParameter("late", p.late()).setParameter("mediaType", p.mediaType())
                    .setParameter("size", p.size()).setParameter("sha256", p.sha256()).setParameter("updated", updated)
                    .queue();
        }
    }

    void request(int g, UUID id, List<StoredEvent> events) {
        MeetingRequestFiled filed = null;
        int supporters = 0;
        String status = "FILED", declineReason = null;
        UUID meetingId = null;
        for (StoredEvent e : events) {
            if (e.is(EventTypes.MEETING_REQUEST_FILED)) {
                filed = e.as(MeetingRequestFiled.class);
            } else if (e.is(EventTypes.MEETING_REQUEST_SUPPORTED)) {
                supporters = Math.max(supporters, e.as(MeetingRequestSupported.class).supporters());
            } else if (e.is(EventTypes.MEETING_REQUEST_ACCEPTED)) {
                status = "ACCEPTED";
                meetingId = e.as(MeetingRequestAccepted.class).meetingId();
            } else if (e.is(EventTypes.MEETING_REQUEST_DECLINED)) {
                status = "DECLINED";
                declineReason = e.as(MeetingRequestDeclined.class).reason();
            } else if (e.is(EventTypes.MEETING_REQUEST_WITHDRAWN)) {
                status = "WITHDRAWN";
            }
        }
        delete(g, "meeting_request", "id", id);
        writes.insert("""
                        insert into meeting_request (generation, id, organisation_id, organisation_name, topic,
                            proposed_items, filed_at, supporters, status, decline_reason, meeting_id, updated_at)
                        values (:g, :id, :organisation, :organisationName, :topic, :items, :filedAt, :supporters, :status,
                            :reason, :meeting, :updated)""")
                .setParameter("g", g).setParameter("id", id)
                .setParameter("organisation", filed == null ? null : filed.organisationId())
                .setParameter("organisationName", filed == null ? null : filed.organisationName())
                .setParameter("topic", filed == null ? null : filed.topic())
                .setParameter("items", json(filed == null ? null : filed.proposedAgendaItems()))
                .setParameter("filedAt", filed == null ? null : filed.filedAt())
                .setParameter("supporters", supporters).setParameter("status", status)
                .setParameter("reason", declineReason).setParameter("meeting", meetingId)
                .setParameter("updated", updated(events)).queue();
    }

    void decision(int g, UUID id, List<StoredEvent> events) {
        DecisionOpened opened = null;
        DecisionClosed closed = null;
        for (StoredEvent e : events) {
            if (e.is(EventTypes.DECISION_OPENED) || e.is(EventTypes.DECISION_OPENED_V1)) {
                opened = e.as(DecisionOpened.class);
            } else if (e.is(EventTypes.DECISION_CLOSED) || e.is(EventTypes.DECISION_CLOSED_V1)) {
                closed = e.as(DecisionClosed.class);
            }
        }
        DecisionSubject subject = closed != null ? closed.subject() : opened == null ? null : opened.subject();
        delete(g, "decision", "id", id);
        writes.insert("""
                        insert into decision (generation, id, question, threshold, closes_at, meeting_id, status, result,
                            yes, no, abstain, closed_at, quorum, eligible, subject_kind, subject_id, updated_at)
                        values (:g, :id, :question, :threshold, :closesAt, :meeting, :status, :result, :yes, :no,
                            :abstain, :closedAt, :quorum, :eligible, :subjectKind, :subjectId, :updated)""")
                .setParameter("g", g).setParameter("id", id)
                .setParameter("question", closed != null ? closed.question() : opened == null ? null : opened.question())
                .setParameter("threshold", closed != null ? closed.threshold().name()
                        : opened == null ? null : opened.threshold().name())
                .setParameter("closesAt", opened == null ? null : opened.closesAt())
                .setParameter("meeting", opened == null ? null : opened.meetingId())
                .setParameter("status", closed != null ? "CLOSED" : "OPEN")
                .setParameter("result", closed == null ? null : closed.result().name())
                .setParameter("yes", closed == null ? null : closed.yes())
                .setParameter("no", closed == null ? null : closed.no())
                .setParameter("abstain", closed == null ? null : closed.abstain())
                .setParameter("closedAt", closed == null ? null : closed.closedAt())
                .setParameter("quorum", closed != null ? closed.quorum() : opened == null ? null : opened.quorum())
                .setParameter("eligible", closed == null ? null : closed.eligible())
                .setParameter("subjectKind", subject == null ? null : subject.kind().name())
                .setParameter("subjectId", subject == null ? null : subject.id())
                .setParameter("updated", updated(events)).queue();
    }

    void cadence(int g, UUID id, List<StoredEvent> events) {
        CadenceWarning latest = null;
        for (StoredEvent e : events) {
            CadenceWarning w = e.as(CadenceWarning.class);
            if (latest == null || !w.deadline().isBefore(latest.deadline())) {
                latest = w;
            }
        }
        delete(g, "cadence_warning", "id", id);
        if (latest != null) {
            writes.insert("""
                            insert into cadence_warning (generation, id, last_held_on, last_meeting_id, deadline, days_left, updated_at)
                            values (:g, :id, :lastHeldOn, :lastMeeting, :deadline, :daysLeft, :updated)""")
                    .setParameter("g", g).setParameter("id", id).setParameter("lastHeldOn", latest.lastHeldOn())
                    .setParameter("lastMeeting", latest.lastMeetingId()).setParameter("deadline", latest.deadline())
                    .setParameter("daysLeft", latest.daysLeft()).setParameter("updated", updated(events))
                    .queue();
        }
    }
}
