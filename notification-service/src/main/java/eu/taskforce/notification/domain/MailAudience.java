package eu.taskforce.notification.domain;

/** Who a notice goes to, resolved by membership-service when it is sent (no address is kept here). */
public enum MailAudience {
    /** The active representatives of the current member organisations. */
    REPRESENTATIVES,
    /** Those, and the stakeholders. */
    REPRESENTATIVES_AND_STAKEHOLDERS,
    /** One person (the notice's {@code person}): the owner of a failing webhook. */
    PERSON
}
