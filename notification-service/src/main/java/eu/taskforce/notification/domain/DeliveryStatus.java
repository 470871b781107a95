package eu.taskforce.notification.domain;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryStatus {
    /** Not sent yet, or to be tried again at {@code nextAttemptAt}. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt of the retry period failed (or the subscription became FAILING meanwhile). */
    FAILED,
    /** Not sent: by the time it was due its owner could no longer read it, or the subscription was disabled. */
    SKIPPED
}
