package eu.taskforce.gateway.metrics;

import eu.taskforce.gateway.config.GatewayConfig;
import eu.taskforce.common.problem.ProblemJson;
import eu.taskforce.gateway.routing.CircuitBreaker;
import eu.taskforce.gateway.routing.Upstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The gateway's metrics (Prometheus, {@code /q/metrics}): per route the request rate, latency histogram and status
 * class ({@code taskforce.gateway.requests}), rate-limit rejections, and each circuit breaker's state. The names are
 * the ones {@code deploy/prometheus/alerts.yml} and docs/operations.md use.
 */
@ApplicationScoped
public class GatewayMetrics {

    public static final String REQUESTS = "taskforce.gateway.requests";
    public static final String RATE_LIMITED = "taskforce.gateway.rate.limited";
    public static final String CIRCUIT_STATE = "taskforce.gateway.circuit.state";

    /** Before everything else (request id 400, CORS 300): a scraper's request gets no further. */
    static final int METRICS_GUARD_PRIORITY = 500;

    private final MeterRegistry registry;
    private final Set<InetAddress> metricsReaders;

    public GatewayMetrics(MeterRegistry registry, GatewayConfig config) {
        this.registry = registry;
        this.metricsReaders = config.metrics().allowedAddresses().stream().map(GatewayMetrics::address)
                .collect(Collectors.toUnmodifiableSet());
    }

    void filters(@Observes Filters filters) {
        filters.register(this::guardMetrics, METRICS_GUARD_PRIORITY);
    }

    /** {@code /q/metrics} only for the configured addresses (a scraper beside the gateway); a 404 for the world. */
    private void guardMetrics(RoutingContext context) {
        String path = context.request().path();
        if (path != null && (path.equals("/q/metrics") || path.startsWith("/q/metrics/"))
                && !allowedToReadMetrics(context.request().remoteAddress())) {
            ProblemJson.send(context, 404, "not-found", "Not found", "Nothing is served at this path");
            return;
        }
        context.next();
    }

    private boolean allowedToReadMetrics(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            return metricsReaders.contains(InetAddress.getByName(remote.hostAddress()));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Gauges of each route's circuit breakers: how many of its instances' circuits are in each state (with one
     * instance: 1 for its current state, 0 for the others).
     */
    public void register(List<Upstream> upstreams) {
        for (Upstream upstream : upstreams) {
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                Gauge.builder(CIRCUIT_STATE, upstream, route -> route.instances().stream()
                                .filter(instance -> instance.breaker().state() == state).count())
                        .description("How many of the route's instances have their circuit breaker in this state")
                        .tag("route", upstream.name())
                        .tag("state", state.name().toLowerCase())
                        .register(registry);
            }
        }
    }

    /** Times the request from here to its last byte, under its route, method and status class. */
    public void time(RoutingContext context, Upstream upstream) {
        long start = System.nanoTime();
        context.addEndHandler(ended -> Timer.builder(REQUESTS)
                .description("Requests through the gateway, per route, method and status class")
                .tag("route", upstream.name())
                .tag("method", context.request().method().name())
                .tag("status", statusClass(context.response().getStatusCode(), ended.succeeded()))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    public void rateLimited(Upstream upstream) {
        Counter.builder(RATE_LIMITED)
                .description("Requests refused with 429 by the caller's rate limit")
                .tag("route", upstream.name())
                .tag("group", upstream.route().rateLimit())
                .register(registry).increment();
    }

    /** 2xx … 5xx; "aborted" when the connection ended before the answer did. */
    static String statusClass(int status, boolean completed) {
        if (!completed) {
            return "aborted";
        }
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("taskforce.gateway.metrics.allowed-addresses: not an address: " + literal);
        }
    }
}
