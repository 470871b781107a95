package eu.taskforce.contracts.meetings;

/** What kind of Taskforce meeting: a plenary of all members, an ad-hoc group's meeting, or a session with stakeholders. */
public enum MeetingKind { PLENARY, AD_HOC_GROUP, STAKEHOLDER_SESSION }
