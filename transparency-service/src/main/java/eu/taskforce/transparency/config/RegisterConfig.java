package eu.taskforce.transparency.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** Settings of the register ({@code taskforce.register.*}). */
@ConfigMapping(prefix = "taskforce.register")
public interface RegisterConfig {

    /** How often the head of the log is signed (when it moved since the last signature). */
    @WithDefault("10m")
    Duration signInterval();

    /**
     * A PEM file holding the Ed25519 signing key (PKCS#8 "PRIVATE KEY" and X.509 "PUBLIC KEY" blocks); generated there
     * when absent. Without it the key is generated on first start and kept in the database.
     */
    Optional<String> signingKeyFile();

    /**
     * Whether the register may make its signing key itself: in the database when no signing-key-file is set, or in that
     * file when it does not exist yet. Off unless set, so that an instance without the key it was given refuses to start
     * rather than sign with a key of its own; on for development and the tests, and in ./taskforce and
     * docker-compose.yml (one machine, one database).
     */
    @WithDefault("false")
    boolean generateSigningKey();

    /** The day of the Taskforce's constituent meeting, the start of the yearly cadence before any plenary is seen. */
    @WithDefault("2026-01-30")
    LocalDate constitutedOn();

    /** Max-age of the public responses' Cache-Control. */
    @WithDefault("30s")
    Duration cacheMaxAge();

    /**
     * The most the cache of the public lists' pages holds (their bodies, in bytes); past it, Caffeine keeps the pages
     * asked most.
     */
    @WithDefault("16M")
    MemorySize pageCacheSize();

    /** How often the consumers' lag behind the topics is measured for the metric. */
    @WithDefault("15s")
    Duration lagInterval();

    /** Rebuilds of the read model. */
    RebuildConfig rebuild();

    interface RebuildConfig {
        /**
         * How long a rebuild stays with the instance that runs it without news from it; renewed while it reads. Past
         * it, another instance (or this one restarted) takes the rebuild over where it was.
         */
        @WithDefault("30s")
        Duration lease();

        /** How often an instance looks for a rebuild whose lease ran out. */
        @WithDefault("10s")
        Duration takeoverCheck();
    }

    /** Resolving commitments into openings (membership-service's disclosures). */
    DisclosuresConfig disclosures();

    interface DisclosuresConfig {
        /** How often the resolver looks for due commitments (besides the pass after each consumer's commit). */
        @WithDefault("10s")
        Duration interval();

        /** The longest wait between two attempts at a commitment while membership-service cannot be asked. */
        @WithDefault("5m")
        Duration maxBackoff();
    }
}
