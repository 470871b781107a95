package eu.taskforce.guidance.domain;

/** A document or a version: DRAFT (the AI Office only) or PUBLISHED (to the Taskforce). */
public enum PublicationStatus {
    DRAFT, PUBLISHED
}
