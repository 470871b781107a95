package eu.taskforce.platform.security;

import java.util.UUID;

/**
 * Who made a change, as the audit trail and the history record it: the token's subject and organisation, or the
 * system itself (reference data, scheduled jobs).
 */
public record Actor(String subject, UUID organisation) {

    /** The service itself, for example {@code system:reference-data}. */
    public static Actor system(String what) {
        return new Actor("system:" + what, null);
    }
}
