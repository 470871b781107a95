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

    /** How often windows whose closing time has passed are closed (the "window closed" event follows). */
    @WithDefault("5s")
    Duration windowCloseInterval();
}
