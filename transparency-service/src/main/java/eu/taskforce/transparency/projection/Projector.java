package eu.taskforce.transparency.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.guidance.DispositionsPublished;
import eu.taskforce.contracts.guidance.DocumentProfile;
import eu.taskforce.contracts.guidance.EvidenceSubmitted;
import eu.taskforce.contracts.guidance.FeedbackNotice;
import eu.taskforce.contracts.guidance.VersionPublished;
import eu.taskforce.contracts.guidance.Visibility;
import eu.taskforce.contracts.guidance.WindowClosed;
import eu.taskforce.contracts.guidance.WindowOpened;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.contracts.meetings.DecisionClosed;
import eu.taskforce.contracts.meetings.DecisionOpened;
import eu.taskforce.contracts.meetings.MeetingCancelled;
import eu.taskforce.contracts.meetings.MeetingConvened;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.meetings.MeetingRequestAccepted;
import eu.taskforce.contracts.meetings.MeetingRequestDeclined;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.meetings.MeetingRequestSupported;
import eu.taskforce.contracts.meetings.MeetingRescheduled;
import eu.taskforce.contracts.meetings.SummaryOverdue;
import eu.taskforce.contracts.meetings.SummaryPublished;
import eu.taskforce.contracts.membership.AdHocGroupCreated;
import eu.taskforce.contracts.membership.AdHocGroupParticipation;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.SignatoryUpdated;
import eu.taskforce.contracts.membership.SignatureWithdrawn;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.transparency.domain.AggregateType;
import eu.taskforce.transparency.domain.RegisterEntry;
import eu.taskforce.transparency.domain.Times;
import eu.taskforce.transparency.ingest.Ingest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the read model of one generation. An entry is stored with its aggregate's other entries, and the aggregate's
 * rows are computed again from all of them, sorted by (time, event id): the result depends only on which events
 * arrived, never on the order they arrived in, so duplicates, redeliveries out of order and an event that refers to
 * an aggregate not seen yet (its rows wait, incomplete, for the rest) all converge to the same register.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Projector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MEETING_STATUS_ORDER = List.of(
            "SCHEDULED", "RESCHEDULED", "CANCELLED", "HELD", "SUMMARY_PUBLISHED");
    private static final List<String> WINDOW_STATUS_ORDER = List.of("OPEN", "CLOSED", "DISPOSITIONS_PUBLISHED");

    private final EntityManager em;

    public Projector(EntityManager em) {
        this.em = em;
    }

    /** Applies a first delivery of {@code entry} to generation {@code generation}. */
    public void apply(int generation, RegisterEntry entry) {
        // one writer per aggregate at a time: the live and the rebuild consumer may both write a generation
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", generation + ":" + entry.aggregateId()).getSingleResult();
        em.createNativeQuery("""
                        insert into register_event (generation, event_id, aggregate_type, aggregate_id, type, occurred_at, data)
                        values (:generation, :eventId, :aggregateType, :aggregateId, :type, :occurredAt, :data)
                        on conflict do nothing""")
                .setParameter("generation", generation).setParameter("eventId", entry.eventId())
                .setParameter("aggregateType", entry.aggregateType().name())
                .setParameter("aggregateId", entry.aggregateId()).setParameter("type", entry.type().type())
                .setParameter("occurredAt", Times.utc(entry.occurredAt())).setParameter("data", entry.data().toString())
                .executeUpdate();
        List<Stored> events = events(generation, entry.aggregateType(), entry.aggregateId());
        switch (entry.aggregateType()) {
            case ORGANISATION -> organisation(generation, entry.aggregateId(), events);
            case STAKEHOLDER -> stakeholder(generation, entry.aggregateId(), events);
            case AD_HOC_GROUP -> adHocGroup(generation, entry.aggregateId(), events);
            case MEETING -> meeting(generation, entry.aggregateId(), events);
            case MEETING_REQUEST -> request(generation, entry.aggregateId(), events);
            case DECISION -> decision(generation, entry.aggregateId(), events);
            case CADENCE -> cadence(generation, entry.aggregateId(), events);
            case GUIDANCE_DOCUMENT -> guidanceDocument(generation, entry.aggregateId(), events);
            case INPUT_WINDOW -> window(generation, entry.aggregateId(), events);
            case EVIDENCE -> evidence(generation, entry.aggregateId(), events);
        }
    }

    /** Drops every row of a generation (after a switch, or a failed rebuild). */
    public void delete(int generation) {
        for (String table : List.of("register_event", "organisation", "membership_period", "representative",
                "stakeholder", "ad_hoc_group", "ad_hoc_group_participant", "meeting", "meeting_request", "decision",
                "cadence_warning", "search_document", "guidance_document", "guidance_version", "input_window", "feedback",
                "evidence")) {
            em.createNativeQuery("delete from " + table + " where generation = :g").setParameter("g", generation)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from processed_event where consumer = :consumer")
                .setParameter("consumer", Ingest.consumer(generation)).executeUpdate();
    }

    record Stored(EventType<?> type, Instant at, String data) {
        <T> T as(Class<T> payload) {
            return EventJson.read(data, payload);
        }

        boolean is(EventType<?> other) {
            return type == other;
        }
    }

    private List<Stored> events(int generation, AggregateType aggregateType, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select type, occurred_at, data from register_event
                        where generation = :g and aggregate_type = :t and aggregate_id = :id
                        order by occurred_at, event_id""")
                .setParameter("g", generation).setParameter("t", aggregateType.name()).setParameter("id", id)
                .getResultList();
        return rows.stream().map(row -> new Stored(EventTypes.byType((String) row[0]).orElseThrow(),
                Times.instant(row[1]), (String) row[2])).toList();
    }

    // --- membership ------------------------------------------------------------------------------------------------

    private void organisation(int g, UUID id, List<Stored> events) {
        String name = null, country = null, website = null, chapters = "";
        LocalDate signedOn = null, withdrawnOn = null;
        boolean signatory = false;
        Map<UUID, LocalDate[]> periods = new LinkedHashMap<>();
        Map<UUID, String[]> representatives = new LinkedHashMap<>();
        for (Stored e : events) {
            if (e.is(EventTypes.SIGNATORY_REGISTERED)) {
                SignatoryRegistered s = e.as(SignatoryRegistered.class);
                name = s.name(); country = s.country(); website = s.website(); chapters = chapters(s.chapters());
                signedOn = s.signedOn(); signatory = true;
            } else if (e.is(EventTypes.SIGNATORY_UPDATED)) {
                SignatoryUpdated s = e.as(SignatoryUpdated.class);
                name = s.name(); country = s.country(); website = s.website(); chapters = chapters(s.chapters());
                signedOn = s.signedOn(); signatory = true;
            } else if (e.is(EventTypes.SIGNATURE_WITHDRAWN)) {
                withdrawnOn = e.as(SignatureWithdrawn.class).withdrawnOn();
            } else if (e.is(EventTypes.MEMBERSHIP_STARTED)) {
                MembershipStarted s = e.as(MembershipStarted.class);
                periods.computeIfAbsent(s.membershipId(), k -> new LocalDate[2])[0] = s.joinedOn();
                if (name == null) {
                    name = s.organisationName(); // until the signatory's own event is seen
                }
            } else if (e.is(EventTypes.MEMBERSHIP_ENDED)) {
                MembershipEnded s = e.as(MembershipEnded.class);
                periods.computeIfAbsent(s.membershipId(), k -> new LocalDate[2])[1] = s.leftOn();
            } else if (e.is(EventTypes.REPRESENTATIVE_APPOINTED) || e.is(EventTypes.REPRESENTATIVE_UPDATED)) {
                RepresentativeProfile r = e.as(RepresentativeProfile.class);
                // the name's commitment only: the value is joined from person_disclosure when served
                representatives.put(r.representativeId(), new String[]{r.role().name(),
                        r.publicName() == null ? null : r.publicName().commitment()});
            } else if (e.is(EventTypes.REPRESENTATIVE_REMOVED)) {
                representatives.remove(e.as(RepresentativeRemoved.class).representativeId());
            } else if (e.is(EventTypes.REPRESENTATIVE_ERASED)) {
                representatives.remove(e.as(RepresentativeErased.class).representativeId());
            }
            // personal-data-withdrawn changes no row, but its time is the organisation's latest change (updatedSince)
        }
        OffsetDateTime updated = updated(events);
        delete(g, "organisation", "id", id);
        delete(g, "membership_period", "organisation_id", id);
        delete(g, "representative", "organisation_id", id);
        em.createNativeQuery("""
                        insert into organisation (generation, id, name, country, website, chapters, signed_on, withdrawn_on,
                                                  signatory, updated_at)
                        values (:g, :id, :name, :country, :website, :chapters, :signedOn, :withdrawnOn, :signatory, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("name", name)
                .setParameter("country", country).setParameter("website", website).setParameter("chapters", chapters)
                .setParameter("signedOn", signedOn).setParameter("withdrawnOn", withdrawnOn)
                .setParameter("signatory", signatory).setParameter("updated", updated).executeUpdate();
        periods.forEach((period, dates) -> em.createNativeQuery("""
                        insert into membership_period (generation, id, organisation_id, joined_on, left_on, updated_at)
                        values (:g, :id, :organisation, :joined, :left, :updated)""")
                .setParameter("g", g).setParameter("id", period).setParameter("organisation", id)
                .setParameter("joined", dates[0]).setParameter("left", dates[1]).setParameter("updated", updated)
                .executeUpdate());
        representatives.forEach((representative, r) -> em.createNativeQuery("""
                        insert into representative (generation, id, organisation_id, role, name_commitment, updated_at)
                        values (:g, :id, :organisation, :role, :name, :updated)""")
                .setParameter("g", g).setParameter("id", representative).setParameter("organisation", id)
                .setParameter("role", r[0]).setParameter("name", r[1]).setParameter("updated", updated)
                .executeUpdate());
    }

    private void stakeholder(int g, UUID id, List<Stored> events) {
        StakeholderProfile profile = null;
        for (Stored e : events) {
            if (e.is(EventTypes.STAKEHOLDER_REGISTERED) || e.is(EventTypes.STAKEHOLDER_UPDATED)) {
                profile = e.as(StakeholderProfile.class);
            } else if (e.is(EventTypes.STAKEHOLDER_REMOVED) || e.is(EventTypes.STAKEHOLDER_ERASED)) {
                profile = null;
            }
        }
        delete(g, "stakeholder", "id", id);
        // listed only with consent, and only with what consent covers; a person's values as commitments only
        if (profile != null && profile.listedPublicly() && (profile.name() != null || profile.publicName() != null)) {
            em.createNativeQuery("""
                            insert into stakeholder (generation, id, kind, name, field_of_expertise, name_commitment,
                                                     field_of_expertise_commitment, updated_at)
                            values (:g, :id, :kind, :name, :field, :nameCommitment, :fieldCommitment, :updated)""")
                    .setParameter("g", g).setParameter("id", id).setParameter("kind", profile.kind().name())
                    .setParameter("name", profile.name()).setParameter("field", profile.fieldOfExpertise())
                    .setParameter("nameCommitment", commitment(profile.publicName()))
                    .setParameter("fieldCommitment", commitment(profile.publicFieldOfExpertise()))
                    .setParameter("updated", updated(events)).executeUpdate();
        }
    }

    private void adHocGroup(int g, UUID id, List<Stored> events) {
        AdHocGroupCreated created = null;
        Map<UUID, String> participants = new TreeMap<>();
        for (Stored e : events) {
            if (e.is(EventTypes.AD_HOC_GROUP_CREATED)) {
                created = e.as(AdHocGroupCreated.class);
            } else if (e.is(EventTypes.AD_HOC_GROUP_PARTICIPANT_ADDED)) {
                AdHocGroupParticipation p = e.as(AdHocGroupParticipation.class);
                participants.put(p.organisationId(), p.organisationName());
            } else if (e.is(EventTypes.AD_HOC_GROUP_PARTICIPANT_REMOVED)) {
                participants.remove(e.as(AdHocGroupParticipation.class).organisationId());
            }
        }
        delete(g, "ad_hoc_group", "id", id);
        delete(g, "ad_hoc_group_participant", "group_id", id);
        em.createNativeQuery("""
                        insert into ad_hoc_group (generation, id, name, description, updated_at)
                        values (:g, :id, :name, :description, :updated)""")
                .setParameter("g", g).setParameter("id", id)
                .setParameter("name", created == null ? null : created.name())
                .setParameter("description", created == null ? null : created.description())
                .setParameter("updated", updated(events)).executeUpdate();
        participants.forEach((organisation, name) -> em.createNativeQuery("""
                        insert into ad_hoc_group_participant (generation, group_id, organisation_id, organisation_name)
                        values (:g, :group, :organisation, :name)""")
                .setParameter("g", g).setParameter("group", id).setParameter("organisation", organisation)
                .setParameter("name", name).executeUpdate());
    }

    // --- meetings --------------------------------------------------------------------------------------------------

    private void meeting(int g, UUID id, List<Stored> events) {
        String title = null, kind = null, format = null, timeZone = null, location = null, status = null;
        String cancellation = null, summary = null;
        OffsetDateTime startsAt = null, endsAt = null, summaryPublishedAt = null;
        UUID requestId = null;
        int agendaRevision = 0;
        List<AgendaPublished.Item> agenda = null;
        List<MeetingHeld.Attendee> attendance = null;
        Integer individualAttendees = null;
        List<SummaryPublished.WithheldPart> withheld = null;
        LocalDate summaryDueOn = null;
        for (Stored e : events) {
            if (e.is(EventTypes.MEETING_CONVENED)) {
                MeetingConvened m = e.as(MeetingConvened.class);
                title = m.title(); kind = m.kind().name(); format = m.format().name();
                startsAt = m.startsAt(); endsAt = m.endsAt(); timeZone = m.timeZone(); location = m.location();
                requestId = m.requestId();
                status = later(status, "SCHEDULED");
            } else if (e.is(EventTypes.MEETING_RESCHEDULED)) {
                MeetingRescheduled m = e.as(MeetingRescheduled.class);
                startsAt = m.startsAt(); endsAt = m.endsAt(); timeZone = m.timeZone();
                status = later(status, "RESCHEDULED");
            } else if (e.is(EventTypes.AGENDA_PUBLISHED)) {
                AgendaPublished a = e.as(AgendaPublished.class);
                if (a.revision() > agendaRevision) { // a later revision replaces an earlier one, never the reverse
                    agendaRevision = a.revision();
                    agenda = a.items();
                }
            } else if (e.is(EventTypes.MEETING_CANCELLED)) {
                cancellation = e.as(MeetingCancelled.class).reason();
                status = later(status, "CANCELLED");
            } else if (e.is(EventTypes.MEETING_HELD)) {
                MeetingHeld m = e.as(MeetingHeld.class);
                title = m.title(); kind = m.kind().name(); startsAt = m.startsAt(); endsAt = m.endsAt();
                attendance = m.attendance(); individualAttendees = m.individualAttendees();
                status = later(status, "HELD");
            } else if (e.is(EventTypes.SUMMARY_PUBLISHED)) {
                SummaryPublished s = e.as(SummaryPublished.class);
                summary = s.summary(); withheld = s.withheldParts(); summaryPublishedAt = s.publishedAt();
                status = later(status, "SUMMARY_PUBLISHED");
            } else if (e.is(EventTypes.SUMMARY_OVERDUE)) {
                summaryDueOn = e.as(SummaryOverdue.class).dueOn();
            }
        }
        OffsetDateTime updated = updated(events);
        delete(g, "meeting", "id", id);
        em.createNativeQuery("""
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
                .setParameter("summaryDueOn", summaryDueOn).setParameter("updated", updated).executeUpdate();
        em.createNativeQuery("delete from search_document where generation = :g and document_id = :id")
                .setParameter("g", g).setParameter("id", id).executeUpdate();
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

    private void searchDocument(int g, String type, UUID id, String title, String body, OffsetDateTime on,
                                OffsetDateTime updated) {
        String shortTitle = title.length() > 300 ? title.substring(0, 300) : title; // the column's size
        em.createNativeQuery("""
                        insert into search_document (generation, document_type, document_id, title, body, occurred_on, updated_at)
                        values (:g, :type, :id, :title, :body, :on, :updated)""")
                .setParameter("g", g).setParameter("type", type).setParameter("id", id).setParameter("title", shortTitle)
                .setParameter("body", body).setParameter("on", on).setParameter("updated", updated).executeUpdate();
    }

    private void request(int g, UUID id, List<Stored> events) {
        MeetingRequestFiled filed = null;
        int supporters = 0;
        String status = "FILED", declineReason = null;
        UUID meetingId = null;
        for (Stored e : events) {
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
        em.createNativeQuery("""
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
                .setParameter("updated", updated(events)).executeUpdate();
    }

    private void decision(int g, UUID id, List<Stored> events) {
        DecisionOpened opened = null;
        DecisionClosed closed = null;
        for (Stored e : events) {
            if (e.is(EventTypes.DECISION_OPENED)) {
                opened = e.as(DecisionOpened.class);
            } else if (e.is(EventTypes.DECISION_CLOSED)) {
                closed = e.as(DecisionClosed.class);
            }
        }
        delete(g, "decision", "id", id);
        em.createNativeQuery("""
                        insert into decision (generation, id, question, threshold, closes_at, meeting_id, status, result,
                            yes, no, abstain, closed_at, updated_at)
                        values (:g, :id, :question, :threshold, :closesAt, :meeting, :status, :result, :yes, :no,
                            :abstain, :closedAt, :updated)""")
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
                .setParameter("updated", updated(events)).executeUpdate();
    }

    private void cadence(int g, UUID id, List<Stored> events) {
        CadenceWarning latest = null;
        for (Stored e : events) {
            CadenceWarning w = e.as(CadenceWarning.class);
            if (latest == null || !w.deadline().isBefore(latest.deadline())) {
                latest = w;
            }
        }
        delete(g, "cadence_warning", "id", id);
        if (latest != null) {
            em.createNativeQuery("""
                            insert into cadence_warning (generation, id, last_held_on, last_meeting_id, deadline, days_left, updated_at)
                            values (:g, :id, :lastHeldOn, :lastMeeting, :deadline, :daysLeft, :updated)""")
                    .setParameter("g", g).setParameter("id", id).setParameter("lastHeldOn", latest.lastHeldOn())
                    .setParameter("lastMeeting", latest.lastMeetingId()).setParameter("deadline", latest.deadline())
                    .setParameter("daysLeft", latest.daysLeft()).setParameter("updated", updated(events))
                    .executeUpdate();
        }
    }

    // --- guidance --------------------------------------------------------------------------------------------------

    private void guidanceDocument(int g, UUID id, List<Stored> events) {
        DocumentProfile profile = null;
        String title = null;
        Map<UUID, VersionPublished> versions = new TreeMap<>();
        for (Stored e : events) {
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
        em.createNativeQuery("""
                        insert into guidance_document (generation, id, title, kind, ai_act_articles, code_references,
                            public_consultation, published_at, updated_at)
                        values (:g, :id, :title, :kind, :articles, :references, :consultation, :publishedAt, :updated)""")
                .setParameter("g", g).setParameter("id", id)
                .setParameter("title", profile != null ? profile.title() : title)
                .setParameter("kind", profile == null || profile.kind() == null ? null : profile.kind().name())
                .setParameter("articles", json(profile == null ? null : profile.aiActArticles()))
                .setParameter("references", json(profile == null ? null : profile.codeReferences()))
                .setParameter("consultation", json(profile == null ? null : profile.publicConsultation()))
                .setParameter("publishedAt", profile == null ? null : profile.publishedAt())
                .setParameter("updated", updated).executeUpdate();
        versions.values().forEach(v -> em.createNativeQuery("""
                        insert into guidance_version (generation, id, document_id, number, change_note, sections,
                            published_at, updated_at)
                        values (:g, :id, :document, :number, :note, :sections, :publishedAt, :updated)""")
                .setParameter("g", g).setParameter("id", v.versionId()).setParameter("document", id)
                .setParameter("number", v.versionNumber()).setParameter("note", v.changeNote())
                .setParameter("sections", json(v.sections() == null ? List.of() : v.sections()))
                .setParameter("publishedAt", v.publishedAt()).setParameter("updated", updated).executeUpdate());
    }

    /**
     * A window with its feedback. Before the dispositions are published the register knows the PUBLIC items only from
     * the notices (section and attribution, no text) and counts them; dispositions-published replaces them with the
     * items as published. CONFIDENTIAL items are only ever the window's counts.
     */
    private void window(int g, UUID id, List<Stored> events) {
        UUID documentId = null, versionId = null;
        String documentTitle = null, status = null;
        Integer versionNumber = null;
        OffsetDateTime opensAt = null, closesAt = null, closedAt = null;
        Boolean closedEarly = null;
        int publicItems = 0, confidentialItems = 0;
        Map<UUID, FeedbackNotice> noticed = new LinkedHashMap<>();
        DispositionsPublished published = null;
        for (Stored e : events) {
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
        em.createNativeQuery("""
                        delete from search_document where generation = :g and document_type = 'FEEDBACK'
                        and document_id in (select f.id from feedback f where f.generation = :g and f.window_id = :id)""")
                .setParameter("g", g).setParameter("id", id).executeUpdate();
        delete(g, "input_window", "id", id);
        delete(g, "feedback", "window_id", id);
        em.createNativeQuery("""
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
                .setParameter("updated", updated).executeUpdate();
        int position = 0;
        if (published != null) {
            for (DispositionsPublished.PublicItem item : published.items()) {
                feedback(g, id, ++position, item.feedbackId(), item.sectionKey(), item.sectionTitle(),
                        name(item.attribution()), item.organisationId(), item.organisationName(), item.text(),
                        name(item.disposition()), item.response(), true, updated);
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
                        null, null, null, null, null, false, updated);
            }
        }
    }

    private void feedback(int g, UUID window, int position, UUID id, String sectionKey, String sectionTitle,
                          String attribution, UUID organisationId, String organisationName, String text,
                          String disposition, String response, boolean published, OffsetDateTime updated) {
        em.createNativeQuery("""
                        insert into feedback (generation, id, window_id, position, section_key, section_title, attribution,
                            organisation_id, organisation_name, text, disposition, response, published, updated_at)
                        values (:g, :id, :window, :position, :sectionKey, :sectionTitle, :attribution, :organisation,
                            :organisationName, :text, :disposition, :response, :published, :updated)
                        on conflict do nothing""")
                .setParameter("g", g).setParameter("id", id).setParameter("window", window)
                .setParameter("position", position).setParameter("sectionKey", sectionKey)
                .setParameter("sectionTitle", sectionTitle).setParameter("attribution", attribution)
                .setParameter("organisation", organisationId).setParameter("organisationName", organisationName)
                .setParameter("text", text).setParameter("disposition", disposition).setParameter("response", response)
                .setParameter("published", published).setParameter("updated", updated).executeUpdate();
    }

    private void evidence(int g, UUID id, List<Stored> events) {
        EvidenceSubmitted submitted = null;
        for (Stored e : events) {
            submitted = e.as(EvidenceSubmitted.class);
        }
        delete(g, "evidence", "id", id);
        em.createNativeQuery("delete from search_document where generation = :g and document_id = :id")
                .setParameter("g", g).setParameter("id", id).executeUpdate();
        OffsetDateTime updated = updated(events);
        em.createNativeQuery("""
                        insert into evidence (generation, id, title, summary, type, url, code_references, submitter_role,
                            attribution, organisation_id, organisation_name, submitted_at, updated_at)
                        values (:g, :id, :title, :summary, :type, :url, :references, :role, :attribution, :organisation,
                            :organisationName, :submittedAt, :updated)""")
                .setParameter("g", g).setParameter("id", id).setParameter("title", submitted.title())
                .setParameter("summary", submitted.summary()).setParameter("type", name(submitted.type()))
                .setParameter("url", submitted.url()).setParameter("references", json(submitted.codeReferences()))
                .setParameter("role", name(submitted.submitterRole())).setParameter("attribution", name(submitted.attribution()))
                .setParameter("organisation", submitted.organisationId())
                .setParameter("organisationName", submitted.organisationName())
                .setParameter("submittedAt", submitted.submittedAt()).setParameter("updated", updated).executeUpdate();
        if (submitted.title() != null && submitted.summary() != null) {
            searchDocument(g, "EVIDENCE", id, submitted.title(), submitted.summary(), submitted.submittedAt(), updated);
        }
    }

    private static String commitment(eu.taskforce.contracts.membership.PersonalField field) {
        return field == null ? null : field.commitment();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The later of two meeting states in the lifecycle, so that a tie in time cannot move a meeting back. */
    private static String later(String current, String next) {
        return later(MEETING_STATUS_ORDER, current, next);
    }

    private static String later(List<String> order, String current, String next) {
        return current == null || order.indexOf(next) > order.indexOf(current) ? next : current;
    }

    private void delete(int g, String table, String column, UUID id) {
        Query query = em.createNativeQuery("delete from " + table + " where generation = :g and " + column + " = :id");
        query.setParameter("g", g).setParameter("id", id).executeUpdate();
    }

    /** An aggregate's last change: the time of its latest event, so that a rebuild gives the same value. */
    private static OffsetDateTime updated(List<Stored> events) {
        return events.stream().map(Stored::at).max(Instant::compareTo).map(Times::utc).orElseThrow();
    }

    private static String chapters(Set<Chapter> chapters) {
        return new TreeSet<>(chapters).stream().map(Chapter::name).collect(Collectors.joining(","));
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(JSON.readTree(EventJson.write(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
