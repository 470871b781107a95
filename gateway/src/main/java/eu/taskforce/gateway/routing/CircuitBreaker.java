package eu.taskforce.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One per upstream, Resilience4j's circuit breaker in the gateway's terms. Closed: every request goes through; after
 * {@code threshold} consecutive failures it opens (a count window of {@code threshold} calls that must all have
 * failed). Open: requests are answered at once (503) without touching the service, for {@code openFor}. Then
 * half-open: one request tries the service; its success closes the circuit, its failure opens it again.
 * <p>
 * Its permission is asked for and its outcome told separately ({@link #tryAcquire()}, then {@link #onSuccess()},
 * {@link #onFailure()} or {@link #release()}), because the proxy's call is a Vert.x future, not a method to wrap.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;
    private final long openForNanos;
    private final LongSupplier clock;
    private volatile long openedAt;
    private volatile long trialStartedAt;

    public CircuitBreaker(int threshold, Duration openFor) {
        this(threshold, openFor, System::nanoTime);
    }

    CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
        this.openForNanos = openFor.toNanos();
        this.clock = nanoClock;
        this.breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("upstream", CircuitBreakerConfig.custom()
                .slidingWindow(threshold, threshold, SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                // the library lets the trial through strictly after its wait; Retry-After promises it at openFor
                .waitDurationInOpenState(openFor.minusNanos(1))
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(new NanoClock(nanoClock))
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
                openedAt = clock.getAsLong();
            }
        });
    }

    /** Whether a request may go to the service now. */
    public boolean tryAcquire() {
        boolean permitted = breaker.tryAcquirePermission();
        if (!permitted && state() == State.HALF_OPEN && clock.getAsLong() - trialStartedAt >= openForNanos) {
            // the trial never reported back: its permission goes to this request instead
            breaker.releasePermission();
            permitted = breaker.tryAcquirePermission();
        }
        if (permitted) {
            trialStartedAt = clock.getAsLong();
        }
        return permitted;
    }

    public void onSuccess() {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }

    public void onFailure() {
        breaker.onError(0, TimeUnit.NANOSECONDS, UpstreamFailed.INSTANCE);
    }

    /** A request that was let through ended without telling anything about the service (the client left). */
    public void release() {
        breaker.releasePermission();
    }

    public State state() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
    }

    /** Seconds until an open circuit lets a trial request through (at least 1). */
    public long retryAfterSeconds() {
        long left = state() == State.OPEN ? openForNanos - (clock.getAsLong() - openedAt) : 0;
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** What a failed call is recorded as: the outcome (a 5xx, a timeout) is told, not thrown. */
    private static final class UpstreamFailed extends RuntimeException {
        static final UpstreamFailed INSTANCE = new UpstreamFailed();

        private UpstreamFailed() {
            super("upstream failed", null, false, false);
        }
    }

    /** The breaker's clock: the nanosecond ticks it is given (the tests move them by hand). */
    private static final class NanoClock extends Clock {
        private final LongSupplier nanos;

        NanoClock(LongSupplier nanos) {
            this.nanos = nanos;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(0, nanos.getAsLong());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
