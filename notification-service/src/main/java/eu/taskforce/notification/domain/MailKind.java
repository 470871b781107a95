package eu.taskforce.notification.domain;

/**
 * The kinds of e-mail a person can choose a {@link MailFrequency} for, each with the default that applies until the
 * person chooses (so that nobody needs to configure anything first): what asks for an action soon goes at once, what
 * only informs goes in the daily digest.
 */
public enum MailKind {
    /** A meeting the person is invited to (with its iCalendar), or its new time or its cancellation. */
    INVITATION(MailFrequency.IMMEDIATELY),
    /** The agenda of a meeting the person is invited to was published or changed. */
    AGENDA_PUBLISHED(MailFrequency.DAILY),
    /** A paper of a plenary the person is invited to was circulated. */
    PAPERS_CIRCULATED(MailFrequency.DAILY),
    /**
     * Minutes of a meeting the organisation attended await its review. Reserved: meeting-service publishes no event
     * when minutes go to review (they are confidential); the kind exists so that a preference can be set now.
     */
    MINUTES_TO_REVIEW(MailFrequency.IMMEDIATELY),
    /** The AI Office put a question to the member organisations. */
    VOTE_OPENED(MailFrequency.IMMEDIATELY),
    /** Voting on a question closes soon. */
    VOTE_CLOSING_SOON(MailFrequency.IMMEDIATELY),
    /** A Taskforce input window on a guidance document opened. */
    WINDOW_OPENED(MailFrequency.IMMEDIATELY),
    /** An input window closes soon. */
    WINDOW_CLOSING_SOON(MailFrequency.IMMEDIATELY),
    /** The AI Office published its answers to an input window's feedback. */
    DISPOSITIONS_PUBLISHED(MailFrequency.DAILY),
    /** A webhook subscription of the person's was marked failing (deliveries stopped). */
    WEBHOOK_FAILING(MailFrequency.IMMEDIATELY);

    private final MailFrequency defaultFrequency;

    MailKind(MailFrequency defaultFrequency) {
        this.defaultFrequency = defaultFrequency;
    }

    public MailFrequency defaultFrequency() {
        return defaultFrequency;
    }
}
