package eu.taskforce.notification.domain;

/** The standing a subscription's owner subscribed with, checked again before every delivery. */
public enum OwnerRole {
    AI_OFFICE,
    /** A representative of a member organisation ({@code WebhookSubscription.ownerOrganisation}). */
    MEMBER,
    /** Anyone else signed in (an invited expert or third-party stakeholder): public event types only. */
    STAKEHOLDER
}
