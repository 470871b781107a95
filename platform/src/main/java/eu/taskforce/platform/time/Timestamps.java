package eu.taskforce.platform.time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps as the services store them: UTC, to the microsecond (what PostgreSQL keeps). */
public final class Timestamps {

    /** Now, in UTC, truncated to microseconds so that a value reads back equal to what was written. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private Timestamps() {
    }
}
