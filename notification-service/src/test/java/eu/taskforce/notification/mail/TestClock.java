package eu.taskforce.notification.mail;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in the tests: the system's until a test sets the time ({@link #set}), and again after. */
public class TestClock {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>();

    public static void set(Instant now) {
        NOW.set(now);
    }

    public static void reset() {
        NOW.set(null);
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        InstantSource source = () -> {
            Instant now = NOW.get();
            return now == null ? Instant.now() : now;
        };
        return source.withZone(ZoneOffset.UTC);
    }
}
