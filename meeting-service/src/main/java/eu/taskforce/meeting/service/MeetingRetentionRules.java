package eu.taskforce.meeting.service;

import eu.taskforce.platform.retention.RetentionRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * This service's retention rules, run by the platform's purge beside the platform's own; the periods are in
 * application.properties, the reasons in docs/retention.md.
 */
@Singleton
public class MeetingRetentionRules {

    /**
     * An invitation's personal data once its meeting is long over (held, or for a cancelled one its planned end): the
     * display name and who answered (a token subject) are cleared. The account name stays: it is who the invitation is
     * for, and it gives the invitee access to the meeting's records.
     */
    @Produces
    RetentionRule invitationPersonalData() {
        return RetentionRule.of("invitation-personal-data", """
                update invitation set display_name = null, responded_by = null, updated_at = now(),
                    version = version + 1
                where id in (
                    select i.id from invitation i join meeting m on m.id = i.meeting_id
                    where m.ends_at < :cutoff and (i.display_name is not null or i.responded_by is not null)
                    limit :limit for update of i skip locked)""");
    }

    /**
     * A revoked calendar feed: its address no longer works and no list shows it, so its owner's subject and account
     * name are kept only as long as a question about it may come. The audit trail keeps its creation and revocation.
     */
    @Produces
    RetentionRule revokedCalendarFeeds() {
        return RetentionRule.of("calendar-feed-revoked", """
                delete from calendar_feed where id in (
                    select id from calendar_feed where revoked_at < :cutoff
                    order by revoked_at limit :limit for update skip locked)""");
    }
}
