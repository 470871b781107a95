package eu.taskforce.meeting.domain;

import eu.taskforce.platform.problem.ProblemException;

/**
 * The life of a meeting: SCHEDULED, possibly RESCHEDULED (any number of times), then HELD and SUMMARY_PUBLISHED, or
 * CANCELLED before it is held. Any other move is a 409.
 */
public enum MeetingStatus {
    SCHEDULED, RESCHEDULED, CANCELLED, HELD, SUMMARY_PUBLISHED;

    /** Convened and neither held nor cancelled. */
    public boolean isUpcoming() {
        return this == SCHEDULED || this == RESCHEDULED;
    }

    public boolean canBecome(MeetingStatus next) {
        return switch (this) {
            case SCHEDULED, RESCHEDULED -> next == RESCHEDULED || next == CANCELLED || next == HELD;
            case HELD -> next == SUMMARY_PUBLISHED;
            case CANCELLED, SUMMARY_PUBLISHED -> false;
        };
    }

    /** Refuses with 409 unless a meeting in this state may become {@code next}. */
    public void requireCanBecome(MeetingStatus next) {
        if (!canBecome(next)) {
            throw ProblemException.conflict("A meeting that is " + this + " cannot become " + next);
        }
    }
}
