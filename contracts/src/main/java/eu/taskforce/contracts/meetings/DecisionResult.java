package eu.taskforce.contracts.meetings;

/**
 * The outcome of a closed Taskforce decision: NO_QUORUM when fewer member organisations took part (YES, NO or ABSTAIN)
 * than its quorum asks, otherwise ADOPTED or REJECTED by its threshold.
 */
public enum DecisionResult { ADOPTED, REJECTED, NO_QUORUM }
