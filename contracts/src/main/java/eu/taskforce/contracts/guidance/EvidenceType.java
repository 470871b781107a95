package eu.taskforce.contracts.guidance;

/** What an evidence submission brings to the Taskforce's forum. */
public enum EvidenceType {
    RESEARCH, EXPERT_INPUT, TECHNICAL_DEVELOPMENT, IMPLEMENTATION_EXPERIENCE
}
