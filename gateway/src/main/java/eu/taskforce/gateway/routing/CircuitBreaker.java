package eu.taskforce.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One per upstream. Closed: every request goes through; after {@code threshold} consecutive failures it opens.
 * Open: requests are answered at once (503) without touching the service, for {@code openFor}. Then half-open: one
 * request tries the service; its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;
    private long trialStartedAt;

    public CircuitBreaker(int threshold, Duration openFor) {
        this(threshold, openFor, System::nanoTime);
    }

    CircuitBreaker(int threshold, Duration openFor, LongSupplier clock) {
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a request may go to the service now. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                return startTrial();
            default:
                // half-open: only the one trial request (another one if the trial never reported back)
                if (trialInFlight && clock.getAsLong() - trialStartedAt < openForNanos) {
                    return false;
                }
                return startTrial();
        }
    }

    private boolean startTrial() {
        trialInFlight = true;
        trialStartedAt = clock.getAsLong();
        return true;
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /** A request that was let through ended without telling anything about the service (the client left). */
    public synchronized void release() {
        trialInFlight = false;
    }

    public synchronized State state() {
        return state;
    }

    /** Seconds until an open circuit lets a trial request through (at least 1). */
    public synchronized long retryAfterSeconds() {
        long left = state == State.OPEN ? openForNanos - (clock.getAsLong() - openedAt) : 0;
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
