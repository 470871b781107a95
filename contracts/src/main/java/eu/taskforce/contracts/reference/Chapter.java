package eu.taskforce.contracts.reference;

/** The chapters of the General-Purpose AI Code of Practice. A signatory may sign any non-empty subset. */
public enum Chapter {
    TRANSPARENCY,
    COPYRIGHT,
    SAFETY_AND_SECURITY
}
