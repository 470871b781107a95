package eu.taskforce.contracts.guidance;

/** In which capacity someone submitted evidence. */
public enum SubmitterRole {
    AI_OFFICE, MEMBER, STAKEHOLDER
}
