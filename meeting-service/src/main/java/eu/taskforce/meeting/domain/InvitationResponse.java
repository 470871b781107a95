package eu.taskforce.meeting.domain;

/** An invitee's answer; PENDING until the invitee answers. */
public enum InvitationResponse { PENDING, ACCEPTED, DECLINED, TENTATIVE }
