package eu.taskforce.contracts.guidance;

/**
 * Who may read an item: PUBLIC (the Taskforce now, the public register once published), or CONFIDENTIAL (the AI Office
 * and the author only; outside guidance-service it exists only as a count).
 */
public enum Visibility {
    PUBLIC, CONFIDENTIAL
}
