package eu.taskforce.transparency.domain;

/**
 * The aggregates of the other services that the register follows. An aggregate's events share its id (the Kafka key),
 * and its read model is recomputed from all of them. Guidance aggregates (documents, windows, feedback) join here when
 * guidance-service publishes its events.
 */
public enum AggregateType {
    ORGANISATION, STAKEHOLDER, AD_HOC_GROUP, MEETING, MEETING_REQUEST, DECISION, CADENCE
}
