package eu.taskforce.notification.domain;

/** Whether a webhook subscription gets new deliveries. */
public enum SubscriptionStatus {
    /** Gets every new event of its types that its owner may read. */
    ACTIVE,
    /** A delivery failed for the whole retry period: nothing more is sent until the owner re-enables it. */
    FAILING,
    /** Its owner may no longer read what it subscribed to: nothing more is sent until the owner re-enables it. */
    DISABLED
}
