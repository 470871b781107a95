package eu.taskforce.contracts.meetings;

/** The outcome of a closed Taskforce decision. */
public enum DecisionResult { ADOPTED, REJECTED }
