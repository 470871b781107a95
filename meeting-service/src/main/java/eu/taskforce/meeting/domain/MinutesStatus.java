package eu.taskforce.meeting.domain;

/** Minutes are drafted by the AI Office, reviewed by the attendees' representatives, then approved (and frozen). */
public enum MinutesStatus { DRAFT, IN_REVIEW, APPROVED }
