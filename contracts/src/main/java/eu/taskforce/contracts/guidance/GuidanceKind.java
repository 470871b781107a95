package eu.taskforce.contracts.guidance;

/** What a guidance document is. */
public enum GuidanceKind {
    GUIDELINES, TEMPLATE, QUESTIONS_AND_ANSWERS, OTHER
}
