package eu.taskforce.meeting.domain;

/** A decision is OPEN for votes until its closing time, then CLOSED with its result. */
public enum DecisionStatus { OPEN, CLOSED }
