package eu.taskforce.contracts.guidance;

/** The AI Office's answer to one feedback item. */
public enum Disposition {
    ACCEPTED, PARTIALLY_ACCEPTED, NOT_TAKEN_UP, OUT_OF_SCOPE
}
