package eu.taskforce.transparency.domain;

/**
 * The aggregates of the other services that the register follows. An aggregate's events share its id (the Kafka key),
 * and its read model is recomputed from all of them. Feedback has no aggregate of its own: guidance-service keys its
 * notices and dispositions by the window (they carry the window's counts), so a window's feedback is folded with it.
 */
public enum AggregateType {
    ORGANISATION, STAKEHOLDER, AD_HOC_GROUP, MEETING, MEETING_REQUEST, DECISION, CADENCE,
    GUIDANCE_DOCUMENT, INPUT_WINDOW, EVIDENCE,
    VADEMECUM_EDITION
}
