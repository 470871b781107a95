package eu.taskforce.guidance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "taskforce.guidance")
public interface GuidanceConfig {

    /**
     * The largest attached document accepted, in bytes (10 MiB). Keep it below {@code quarkus.http.limits.max-body-size}
     * so that an oversized upload reaches the service and gets its 413 problem+json.
     */
    @WithDefault("10485760")
    long attachmentMaxBytes();

    /**
     * How long an upload may take from its first byte to its last: a slower one is refused with a 408 problem. An
     * upload holds a database connection while it is read (its chunks are written in one transaction).
     */
    @WithDefault("60s")
    Duration attachmentUploadTimeout();

    /**
     * The timeout, in seconds, of an upload's transaction (read by {@code EvidenceService.attach}'s
     * {@code @TransactionConfiguration}): above the upload timeout plus the longest wait for one piece of the body
     * ({@code quarkus.http.read-timeout}, 60 s), so that the upload's own limit answers first.
     */
    @WithDefault("150")
    int attachmentTransactionTimeout();

    /** How often windows whose closing time has passed are closed (the "window closed" event follows). */
    @WithDefault("5s")
    Duration windowCloseInterval();
}
