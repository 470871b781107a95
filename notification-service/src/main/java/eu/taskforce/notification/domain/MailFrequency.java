package eu.taskforce.notification.domain;

/** How a person gets the e-mails of one kind. */
public enum MailFrequency {
    /** One e-mail per notice, as soon as it is sent. */
    IMMEDIATELY,
    /** Gathered into one e-mail a day, at the digest hour. */
    DAILY,
    /** Gathered into one e-mail a week, on the digest day at the digest hour. */
    WEEKLY,
    /** None. */
    OFF
}
