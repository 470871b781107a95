package eu.taskforce.platform.retention;

import java.util.Objects;

/**
 * A kind of data kept only for a limited period (storage limitation, Regulation (EU) 2018/1725): once its period has
 * passed, its rows are deleted or their personal and confidential fields cleared. A service registers a rule as a CDI
 * bean (a producer method returning {@link #of} is enough); {@link Retention} runs every rule it finds.
 * {@code docs/retention.md} lists them all, with the reason for each period.
 */
public interface RetentionRule {

    /**
     * Lower-case words joined by dashes. The period is the configuration property {@code taskforce.retention.<name>},
     * an ISO-8601 duration ({@code P30D}; years are written in days, {@code P730D}). It has no default in code: every
     * period is written down beside the others in a properties file, and a rule without one fails the start.
     */
    String name();

    /**
     * One batch, as SQL: deletes or clears at most {@code :limit} rows whose period ended before {@code :cutoff} (a
     * timestamptz) and returns how many it changed. A row it has handled must no longer match, so that the batches
     * come to an end; its selection locks {@code for update skip locked}, so that the purge never waits for a request
     * that holds a row.
     */
    String batch();

    static RetentionRule of(String name, String batch) {
        Objects.requireNonNull(name);
        Objects.requireNonNull(batch);
        return new RetentionRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String batch() {
                return batch;
            }

            @Override
            public String toString() {
                return "RetentionRule " + name;
            }
        };
    }
}
