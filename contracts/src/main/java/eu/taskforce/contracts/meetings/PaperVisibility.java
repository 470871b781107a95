package eu.taskforce.contracts.meetings;

/** Who may read a meeting paper once it is circulated (the AI Office always may). */
public enum PaperVisibility {
    /** Representatives of the current member organisations. */
    MEMBERS,
    /** Only those invited to the meeting. */
    ATTENDEES,
    /** Everyone once the meeting is held; before that, as {@link #MEMBERS}. */
    PUBLIC
}
