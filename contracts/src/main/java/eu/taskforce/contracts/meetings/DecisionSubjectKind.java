package eu.taskforce.contracts.meetings;

/**
 * What a decision decides: inviting a stakeholder or expert of the register (its stakeholder id), a guidance version
 * (its version id), a meeting, or a members' request for a meeting.
 */
public enum DecisionSubjectKind { STAKEHOLDER_INVITATION, GUIDANCE_VERSION, MEETING, MEETING_REQUEST }
