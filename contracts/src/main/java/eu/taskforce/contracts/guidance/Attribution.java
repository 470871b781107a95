package eu.taskforce.contracts.guidance;

/** Whether an item names its organisation wherever it is public: ATTRIBUTED names it, ANONYMOUS never does. */
public enum Attribution {
    ATTRIBUTED, ANONYMOUS
}
