package eu.taskforce.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "taskforce.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for pending events besides the pass after each commit: the safety net for events
     * another instance recorded, a pass that failed, events left by a restart. Read by {@link OutboxRelay}'s {@code @Scheduled}; declared
     * here too, because a property under this prefix that the mapping does not know fails the start-up. Not less
     * than 1s: quarkus-scheduler runs a shorter interval only every second anyway (and warns).
     */
    @WithDefault("1s")
    Duration interval();

    /** How many events one relay pass publishes at most. */
    @WithDefault("200")
    int batchSize();

    /** The longest wait between two attempts while Kafka is away (the back-off doubles up to it). */
    @WithDefault("30s")
    Duration maxBackoff();

}
