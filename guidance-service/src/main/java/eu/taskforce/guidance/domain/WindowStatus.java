package eu.taskforce.guidance.domain;

/**
 * What a window's row records: OPEN until it is closed (by the scheduled job at its closing time, or early by the AI
 * Office), then CLOSED. Whether input is accepted also depends on the clock: see {@link InputWindow#phase}.
 */
public enum WindowStatus {
    OPEN, CLOSED
}
