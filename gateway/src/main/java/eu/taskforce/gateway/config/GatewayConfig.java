package eu.taskforce.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "taskforce.gateway")
public interface GatewayConfig {

    /** The routes by name: a path prefix and the service behind it. */
    Map<String, Route> routes();

    /** Rate-limit groups by name; a route names the group it counts against. */
    @WithName("rate-limits")
    Map<String, RateLimit> rateLimits();

    /** The other gateways with which this one shares its rate-limit buckets ({@code ratelimit.SharedBuckets}). */
    @WithName("rate-limit-cluster")
    RateLimitCluster rateLimitCluster();

    interface RateLimitCluster {
        /**
         * {@code host:port} of every gateway's cluster endpoint, this one's included. Absent: this gateway counts
         * alone, in its own memory (one gateway; or N gateways allowing N times the limit).
         */
        Optional<List<String>> members();

        /**
         * On Kubernetes, instead of {@link #members()}: the DNS name of a headless Service over the gateways' cluster
         * port, whose addresses are the gateways (Hazelcast's Kubernetes discovery by DNS; no API access needed).
         */
        @WithName("kubernetes-service-dns")
        Optional<String> kubernetesServiceDns();

        /** The address this gateway's cluster endpoint binds to and announces to the others. */
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("5701")
        int port();

        /** Gateways join only a cluster of this name (one per deployment). */
        @WithDefault("taskforce-gateway")
        String name();

        /**
         * How long a request waits for the shared bucket; after that (a member gone, the cluster re-forming) the
         * gateway decides alone with its local bucket rather than hold the request.
         */
        @WithDefault("500ms")
        Duration timeout();
    }

    /** The pooled, keep-alive connections to the services. */
    Upstreams upstreams();

    /** The circuit breaker that each upstream gets. */
    @WithName("circuit-breaker")
    Breaker circuitBreaker();

    /** The merged OpenAPI document. */
    OpenApi openapi();

    /**
     * The proxies in front of the gateway (addresses or CIDR blocks): only from them is {@code X-Forwarded-For}
     * believed ({@code security.ClientAddress}). None by default: the connection's peer is the client.
     */
    @WithName("trusted-proxies")
    Optional<List<String>> trustedProxies();

    /** The composed personal-data routes ({@code personaldata.PersonalDataRoutes}). */
    @WithName("personal-data")
    PersonalData personalData();

    /** The gateway's own Prometheus endpoint ({@code metrics.GatewayMetrics}). */
    Metrics metrics();

    interface Metrics {
        /**
         * The client addresses that may read {@code /q/metrics} (the gateway's port is the public one, and Quarkus's
         * management interface would move the health checks off it too); anyone else gets a 404.
         */
        @WithName("allowed-addresses")
        @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1")
        List<String> allowedAddresses();
    }

    interface Route {
        /** The path prefix, for example {@code /api/v1/membership}. */
        String prefix();

        /**
         * The base address of each instance of the service, for example {@code http://127.0.0.1:8081}: one, or a
         * comma-separated list (or {@code upstream[0]}, {@code upstream[1]}...) over which requests are balanced.
         */
        List<URI> upstream();

        /** Whether the route is open to anonymous callers (the public register). */
        @WithName("public")
        @WithDefault("false")
        boolean isPublic();

        /**
         * Paths of a token-guarded route that anonymous callers may use all the same (calendar clients send no token:
         * the public calendar, and personal feeds whose unguessable token is in the path): an exact path, or one
         * ending in {@code /*} for everything below it. The service still decides who may do what.
         */
        @WithName("public-paths")
        Optional<List<String>> publicPaths();

        /**
         * How long the service may stay silent: until the response starts, and between two chunks of it. A slow
         * service gets a 504 after this; a long export that keeps sending is never cut.
         */
        @WithDefault("30s")
        Duration timeout();

        /** The rate-limit group this route counts against (see {@link GatewayConfig#rateLimits()}). */
        @WithName("rate-limit")
        @WithDefault("default")
        String rateLimit();

        /**
         * The largest request body this route accepts; {@code quarkus.http.limits.max-body-size} when absent, which
         * is also the ceiling for every route.
         */
        @WithName("max-body-size")
        Optional<MemorySize> maxBodySize();
    }

    interface RateLimit {
        /** Requests a caller may make per window. */
        long limit();

        /** The window; the whole allowance comes back at its end. */
        Duration window();
    }

    interface Upstreams {
        /** How long to wait for a connection (a new one, or a free one from the pool). */
        @WithName("connect-timeout")
        @WithDefault("2s")
        Duration connectTimeout();

        /** Connections per service. */
        @WithName("pool-size")
        @WithDefault("64")
        int poolSize();

        /**
         * An unused keep-alive connection is closed after this (whole seconds). Shorter than the services' own idle
         * timeout ({@code quarkus.http.idle-timeout}, 75 s), so that the gateway closes an idle connection first and
         * never sends a request on one the service is closing.
         */
        @WithName("keep-alive-timeout")
        @WithDefault("30s")
        Duration keepAliveTimeout();

        /**
         * The largest body of a write carrying an {@code Idempotency-Key} that the gateway keeps until the service
         * answers, so that it can send the write again when its pooled connection closes under it. A larger or
         * chunked body streams through and is never sent twice.
         */
        @WithName("retry-body-limit")
        @WithDefault("256K")
        MemorySize retryBodyLimit();

        /**
         * How often each instance of a service with several is asked for its readiness: one that fails is left out
         * of the balancing until it passes again.
         */
        @WithName("health-interval")
        @WithDefault("5s")
        Duration healthInterval();

        /** Readiness asks each service's /q/health/ready and waits this long for the answer. */
        @WithName("health-timeout")
        @WithDefault("2s")
        Duration healthTimeout();
    }

    interface Breaker {
        /** Consecutive failures (no connection, timeout, 502/503/504) that open the circuit. */
        @WithName("failure-threshold")
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one request may try the service again. */
        @WithName("open-duration")
        @WithDefault("10s")
        Duration openDuration();
    }

    interface OpenApi {
        /** How long a service's document is reused before it is fetched again. */
        @WithName("cache-ttl")
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long to wait for a service's document. */
        @WithDefault("3s")
        Duration timeout();

        /** The title of the merged document. */
        @WithDefault("Signatory Taskforce API")
        String title();
    }

    interface PersonalData {
        /** The routes whose services hold personal data: each is asked, in this order, with the caller's token. */
        @WithDefault("membership,meetings,guidance,notifications")
        List<String> routes();
    }
}
