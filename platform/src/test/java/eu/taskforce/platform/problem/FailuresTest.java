package eu.taskforce.platform.problem;

import io.quarkus.oidc.OIDCException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How problem mapping reads a failure: found in causes and in suppressed exceptions, by SQL state or by type. */
class FailuresTest {

    private static SQLException sql(String state) {
        return new SQLException("from the database", state);
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("outer", new IllegalStateException("middle", cause));
    }

    @Test
    void aSqlStateIsFoundDeepInTheCausesByItsPrefix() {
        assertThat(Failures.sqlState(wrapped(sql("23505")), "23505")).isEqualTo("23505");
        assertThat(Failures.sqlState(wrapped(sql("23505")), "23")).isEqualTo("23505");
        assertThat(Failures.sqlState(wrapped(sql("23505")), "22")).isNull();
        assertThat(Failures.sqlState(wrapped(new SQLException("no state")), "")).isNull();
        assertThat(Failures.sqlState(new RuntimeException("no database"), "")).isNull();
    }

    @Test
    void theFirstMatchingStateWins() {
        SQLException outer = new SQLException("outer", "22001", sql("22P05"));
        assertThat(Failures.sqlState(outer, "22")).isEqualTo("22001");
        assertThat(Failures.sqlState(outer, "22P")).isEqualTo("22P05");
    }

    @Test
    void aSuppressedExceptionIsSearchedAsACommitReportsIt() {
        // a commit whose connection broke: RollbackException, with the driver's error suppressed under an XAException
        Exception rollback = new Exception("could not commit");
        Exception xa = new Exception("XA commit failed", sql("08003"));
        rollback.addSuppressed(xa);
        assertThat(Failures.databaseUnavailable(wrapped(rollback))).isEqualTo("08003");
        assertThat(Failures.sqlState(wrapped(rollback), "22")).isNull();
    }

    @Test
    void aLostConnectionOrAnOperatorsShutdownIsUnavailability() {
        assertThat(Failures.databaseUnavailable(wrapped(sql("08006")))).isEqualTo("08006");
        assertThat(Failures.databaseUnavailable(wrapped(sql("57P01")))).isEqualTo("57P01");
        assertThat(Failures.databaseUnavailable(wrapped(sql("57P03")))).isEqualTo("57P03");
        // 57014 is a cancelled statement (a timeout): not the database being away
        assertThat(Failures.databaseUnavailable(wrapped(sql("57014")))).isNull();
        assertThat(Failures.databaseUnavailable(wrapped(sql("23505")))).isNull();
        assertThat(Failures.databaseUnavailable(new IOException("not a database error"))).isNull();
    }

    @Test
    void aValueTheDatabaseCannotStoreIsRefusedByState() {
        assertThat(Failures.valueRefused(wrapped(sql("22021")))).isEqualTo("22021");
        assertThat(Failures.valueRefused(wrapped(sql("22008")))).isEqualTo("22008");
        assertThat(Failures.valueRefused(wrapped(sql("23505")))).isNull();
    }

    @Test
    void aConcurrentChangeIsAUniqueViolationOrALostOptimisticLock() {
        assertThat(Failures.concurrentChange(wrapped(sql("23505")))).isTrue();
        assertThat(Failures.concurrentChange(wrapped(new OptimisticLockException("stale")))).isTrue();
        assertThat(Failures.concurrentChange(wrapped(new StaleObjectStateException("Signatory", 1)))).isTrue();
        // another integrity violation (a foreign key) is not a race
        assertThat(Failures.concurrentChange(wrapped(sql("23503")))).isFalse();
        assertThat(Failures.concurrentChange(new IllegalStateException("nothing of the kind"))).isFalse();
    }

    @Test
    void anIdentityProviderThatCannotBeReachedIsRecognised() {
        assertThat(Failures.identityProviderUnreachable(wrapped(new ConnectException("refused")))).isTrue();
        assertThat(Failures.identityProviderUnreachable(wrapped(new OIDCException("no keys")))).isTrue();
        assertThat(Failures.identityProviderUnreachable(wrapped(new ConnectTimeoutException()))).isTrue();
        assertThat(Failures.identityProviderUnreachable(wrapped(new IOException("read failed")))).isFalse();
        assertThat(Failures.identityProviderUnreachable(new IllegalArgumentException("bad token"))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(Failures.sqlState(a, "")).isNull();
        assertThat(Failures.concurrentChange(a)).isFalse();
    }

    @Test
    void theSearchIsBoundedToThirtyTwoLevelsOfCausesAndSuppressedExceptions() {
        assertThat(Failures.databaseUnavailable(causes(sql("08006"), 31))).as("32nd level").isEqualTo("08006");
        assertThat(Failures.databaseUnavailable(causes(sql("08006"), 32))).as("33rd level").isNull();
        assertThat(Failures.databaseUnavailable(suppressing(sql("08006"), 31))).as("32nd level").isEqualTo("08006");
        assertThat(Failures.databaseUnavailable(suppressing(sql("08006"), 32))).as("33rd level").isNull();
    }

    @Test
    void aCycleOfSuppressedExceptionsEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b");
        a.addSuppressed(b);
        b.addSuppressed(a);
        assertThat(Failures.sqlState(a, "")).isNull();
        assertThat(Failures.identityProviderUnreachable(a)).isFalse();
    }

    /** {@code found} under {@code levels} wrapping causes. */
    private static Throwable causes(Throwable found, int levels) {
        Throwable chain = found;
        for (int i = 0; i < levels; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        return chain;
    }

    /** {@code found} under {@code levels} exceptions, each suppressing the next. */
    private static Throwable suppressing(Throwable found, int levels) {
        Throwable chain = found;
        for (int i = 0; i < levels; i++) {
            Exception outer = new Exception("level " + i);
            outer.addSuppressed(chain);
            chain = outer;
        }
        return chain;
    }

    /** Vert.x names its timeout like this: recognised by name, as the driver's class is not on every classpath. */
    private static final class ConnectTimeoutException extends RuntimeException {
    }

    @Test
    void aConsumerTriesAgainOnlyWhatMayWorkTheNextTime() {
        assertThat(Failures.transientDatabase(wrapped(sql("08001")))).isTrue(); // connection refused: PostgreSQL away
        assertThat(Failures.transientDatabase(wrapped(sql("57P01")))).isTrue(); // backend terminated
        assertThat(Failures.transientDatabase(wrapped(sql("40001")))).isTrue(); // serialization failure
        assertThat(Failures.transientDatabase(wrapped(sql("40P01")))).isTrue(); // deadlock
        assertThat(Failures.transientDatabase(wrapped(sql("23505")))).isFalse();
        assertThat(Failures.transientDatabase(wrapped(sql("22001")))).isFalse();
        assertThat(Failures.transientDatabase(new IllegalArgumentException("not a CloudEvent"))).isFalse();
    }
}
