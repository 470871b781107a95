package eu.taskforce.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook subscriptions and their deliveries (module README, "Configuration"). */
@ConfigMapping(prefix = "taskforce.notification.webhooks")
public interface WebhookConfig {

    /**
     * Whether an endpoint may be a loopback address, over http too (development and the test stacks, whose receivers
     * listen on 127.0.0.1). Off in production: only https to public addresses.
     */
    @WithDefault("false")
    boolean allowHttpLoopback();

    /** How long a connection to an endpoint may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long an endpoint may take to answer (headers) once connected. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a delivery is tried again, from the event's fan-out; then it is FAILED and the subscription FAILING. */
    @WithDefault("24h")
    Duration retryFor();

    /** The wait after the first failed attempt; it doubles after each (with jitter) up to {@link #maxBackoff()}. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** How long the previous secret keeps signing after a rotation (both signatures are sent meanwhile). */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** How often the dispatcher looks for due deliveries (read by {@code Dispatcher}'s schedule). */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** How many due deliveries one dispatcher round claims. */
    @WithDefault("50")
    int batchSize();

    /** How many of them are sent at the same time. */
    @WithDefault("4")
    int concurrency();

    /**
     * How long a claimed delivery is held by the instance that claimed it: another instance sends it again after this
     * when the first died while sending. Above the connect and request timeouts together.
     */
    @WithDefault("60s")
    Duration claimLease();

    /** Subscriptions one account may hold. */
    @WithDefault("25")
    int maxPerOwner();
}
