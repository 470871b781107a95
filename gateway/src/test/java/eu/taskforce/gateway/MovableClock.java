package eu.taskforce.gateway;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gateway's clock in the tests: the system's time (plus what the tests moved it on) until a test freezes it, then
 * only what the test moves it on. It never goes back, so buckets filled by earlier tests stay consistent.
 */
@Singleton
public class MovableClock extends Clock {

    private Duration ahead = Duration.ZERO;
    private Instant frozen;

    /** Stops the time where it is; only {@link #advance} moves it. */
    public synchronized void freeze() {
        frozen = instant();
    }

    public synchronized void advance(Duration duration) {
        if (frozen != null) {
            frozen = frozen.plus(duration);
        } else {
            ahead = ahead.plus(duration);
        }
    }

    /** Lets the time run again from where it stands. */
    public synchronized void release() {
        if (frozen != null) {
            ahead = Duration.between(Instant.now(), frozen);
            frozen = null;
        }
    }

    @Override
    public synchronized Instant instant() {
        return frozen != null ? frozen : Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The rate limits count in UTC");
    }
}
