package eu.taskforce.meeting.domain;

/** A member organisation's vote. Abstentions do not count towards a threshold. */
public enum VoteChoice { YES, NO, ABSTAIN }
