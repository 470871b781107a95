package eu.taskforce.contracts.meetings;

/**
 * Why a part of the minutes is not published (the European Ombudsman's good practice: list what is withheld and why).
 */
public enum WithholdingReason { COMMERCIALLY_CONFIDENTIAL, COMPETITION_LAW, PERSONAL_DATA, SECURITY }
