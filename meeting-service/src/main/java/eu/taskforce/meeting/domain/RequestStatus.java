package eu.taskforce.meeting.domain;

/** A members' request: FILED until the AI Office accepts or declines it, or the filer withdraws it. */
public enum RequestStatus { FILED, ACCEPTED, DECLINED, WITHDRAWN }
