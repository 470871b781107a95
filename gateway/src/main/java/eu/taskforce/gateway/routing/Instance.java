package eu.taskforce.gateway.routing;

import java.net.URI;

/**
 * One instance of a service: its address, its own circuit breaker, and whether its last readiness probe passed
 * ({@code health.InstanceHealth}). An instance is healthy until a probe says otherwise.
 */
public final class Instance {

    private final URI uri;
    private final CircuitBreaker breaker;
    private volatile boolean healthy = true;

    public Instance(URI uri, CircuitBreaker breaker) {
        this.uri = uri;
        this.breaker = breaker;
    }

    public URI uri() {
        return uri;
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        int port = uri.getPort();
        return port > 0 ? port : (ssl() ? 443 : 80);
    }

    public boolean ssl() {
        return "https".equals(uri.getScheme());
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public boolean healthy() {
        return healthy;
    }

    public void healthy(boolean passed) {
        healthy = passed;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
