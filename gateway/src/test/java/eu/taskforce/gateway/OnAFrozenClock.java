package eu.taskforce.gateway;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/**
 * Tests of the rate limits: time stands still, a day after the last test, so that every bucket an earlier test
 * filled has expired; a test moves it on its own.
 */
abstract class OnAFrozenClock {

    @Inject
    MovableClock clock;

    @BeforeEach
    void freezeTime() {
        clock.freeze();
        clock.advance(Duration.ofDays(1));
    }

    @AfterEach
    void releaseTime() {
        clock.release();
    }
}
