package eu.taskforce.platform.personaldata;

import java.util.Set;

/**
 * What one service holds about an account in its own tables. The platform's {@link PersonalDataEraser} adds what every
 * service shares (the audit trail and the idempotency replays) and runs both in one transaction.
 */
public interface PersonalDataHolder {

    /**
     * The token subjects this service can link to an account name, through rows that recorded both (for the AI Office's
     * erasure of a named account, which knows no subject). None where no row records both.
     */
    default Set<String> subjectsOf(String username) {
        return Set.of();
    }

    /**
     * Erases the service's own rows about the account: by subject where a row records a subject, by username
     * (case-insensitively) where it records the account name. Joins the caller's transaction.
     *
     * @param subjects the account's token subjects (may be empty)
     * @param username the account name, or null when unknown
     * @return how many rows changed, and the personal values removed (display names...), so that their copies in
     *         stored idempotency replays can be found
     */
    Erased erase(Set<String> subjects, String username);

    record Erased(int rows, Set<String> values) {
    }
}
