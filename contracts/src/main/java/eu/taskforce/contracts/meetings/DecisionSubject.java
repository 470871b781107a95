package eu.taskforce.contracts.meetings;

import java.util.UUID;

/**
 * What a decision decides, by the id its owner gives it: a stakeholder of membership-service's register, a guidance
 * version of guidance-service, or a meeting or meeting request of meeting-service.
 */
public record DecisionSubject(DecisionSubjectKind kind, UUID id) {
}
