package eu.taskforce.guidance.domain;

/** Where a window stands now: SCHEDULED (before its opening time), OPEN (input accepted) or CLOSED. */
public enum WindowPhase {
    SCHEDULED, OPEN, CLOSED
}
