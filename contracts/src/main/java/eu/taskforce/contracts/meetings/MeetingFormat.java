package eu.taskforce.contracts.meetings;

/** Where a meeting takes place: in a room, online (a joining link), or both. */
public enum MeetingFormat { IN_PERSON, ONLINE, HYBRID }
