package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.config.MeetingConfig;
import eu.taskforce.meeting.domain.Meeting;
import eu.taskforce.meeting.domain.MeetingStatus;
import eu.taskforce.platform.membership.MemberOrganisation;
import eu.taskforce.meeting.rest.MeetingDtos.MeetingView;
import eu.taskforce.meeting.service.MeetingService;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Meetings as the caller may see them: the joining link only for invitees and the AI Office. */
@ApplicationScoped
public class MeetingViews {

    private final MeetingService meetings;
    private final MeetingConfig config;

    public MeetingViews(MeetingService meetings, MeetingConfig config) {
        this.meetings = meetings;
        this.config = config;
    }

    public MeetingView view(Meeting meeting) {
        return views(List.of(meeting)).get(0);
    }

    public List<MeetingView> views(List<Meeting> list) {
        Set<UUID> invited = meetings.invitedTo(list.stream().map(m -> m.id).toList());
        boolean office = meetings.mayJoinAll();
        Set<UUID> organisations = new HashSet<>();
        list.forEach(m -> organisations.addAll(m.attendance));
        Map<UUID, String> names = MemberOrganisation.names(organisations);
        return list.stream().map(m -> MeetingView.of(m, invited.contains(m.id), office || invited.contains(m.id), names,
                summaryOverdue(m))).toList();
    }

    /** Held, and the public summary is later than the configured time after the meeting's end. */
    public boolean summaryOverdue(Meeting meeting) {
        return meeting.status == MeetingStatus.HELD
                && meeting.endsAt.plus(config.summaryDue()).isBefore(Timestamps.now());
    }
}
