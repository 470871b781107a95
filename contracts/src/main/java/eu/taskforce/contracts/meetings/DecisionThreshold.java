package eu.taskforce.contracts.meetings;

/**
 * The majority a Taskforce decision needs, counted over the YES and NO votes cast (abstentions do not count):
 * SIMPLE_MAJORITY more YES than NO; TWO_THIRDS at least two thirds YES; UNANIMITY at least one YES and no NO.
 */
public enum DecisionThreshold { SIMPLE_MAJORITY, TWO_THIRDS, UNANIMITY }
