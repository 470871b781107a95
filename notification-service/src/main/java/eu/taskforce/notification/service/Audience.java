package eu.taskforce.notification.service;

/** Who may read an event type, and so receive it by webhook ({@link EventAudiences}). */
public enum Audience {
    /** What the public register publishes (or any signed-in account may read in the service that owns it). */
    PUBLIC,
    /** Every representative of a current member organisation (and the AI Office). */
    MEMBERS,
    /** Only the representatives of the organisation the event concerns (its {@code organisationId}), and the AI Office. */
    ORGANISATION
}
