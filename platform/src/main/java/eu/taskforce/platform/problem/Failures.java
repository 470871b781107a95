package eu.taskforce.platform.problem;

import io.quarkus.oidc.OIDCException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * What went wrong, read from an exception, its causes and the exceptions suppressed on the way (a failed commit reports
 * its connection's error as suppressed): the part of problem mapping that needs no request, so that unit tests (and
 * mutation testing) pin it. {@link ProblemMappers} turns each kind into its answer; the event consumers ask
 * {@link #transientDatabase} whether to try a record again.
 */
public final class Failures {

    /** Enough for any real chain; a cycle of causes ends here instead of looping. */
    private static final int MAX_DEPTH = 32;

    private Failures() {
    }

    /**
     * A failure that the same work, done again in a new transaction a moment later, may not meet: the database away
     * ({@link #databaseUnavailable}) or a concurrent transaction that won (serialization failure 40001, deadlock 40P01).
     * Never a fault of the work itself.
     */
    public static boolean transientDatabase(Throwable e) {
        return databaseUnavailable(e) != null || sqlState(e, "40001") != null || sqlState(e, "40P01") != null;
    }

    /** A unique constraint or an optimistic lock that a concurrent transaction won: a 409 to read again. */
    static boolean concurrentChange(Throwable e) {
        return any(e, t -> t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof org.hibernate.StaleStateException) || sqlState(e, "23505") != null;
    }

    /**
     * The SQL state of a lost or refused database connection, or null: class 08 (connection exception) or an
     * operator's shutdown or restart (57P01-57P03). A 503 to retry.
     */
    static String databaseUnavailable(Throwable e) {
        String state = sqlState(e, "08");
        return state != null ? state : sqlState(e, "57P0");
    }

    /** The SQL state of a value PostgreSQL cannot store or compare (class 22, data exception), or null: a 400. */
    static String valueRefused(Throwable e) {
        return sqlState(e, "22");
    }

    /** The identity provider could not be reached to check a token: a 503, not the caller's fault. */
    static boolean identityProviderUnreachable(Throwable e) {
        return any(e, t -> t instanceof ConnectException || t instanceof OIDCException
                || t.getClass().getName().contains("ConnectTimeout"));
    }

    /** The SQL state of the first database error found that starts with {@code prefix}, or null. */
    static String sqlState(Throwable e, String prefix) {
        SQLException found = (SQLException) first(e, t -> t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(prefix), 0);
        return found == null ? null : found.getSQLState();
    }

    private static boolean any(Throwable e, Predicate<Throwable> test) {
        return first(e, test, 0) != null;
    }

    private static Throwable first(Throwable e, Predicate<Throwable> test, int depth) {
        for (Throwable t = e; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (test.test(t)) {
                return t;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Throwable found = first(suppressed, test, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
