package eu.taskforce.gateway.routing;

import eu.taskforce.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.List;

/**
 * A route and the service behind it, with that service's circuit breaker.
 *
 * @param name        the route's name in the configuration (membership, meetings, guidance, public)
 * @param maxBodySize the largest request body the route accepts, in bytes
 */
public record Upstream(String name, GatewayConfig.Route route, long maxBodySize, CircuitBreaker breaker) {

    public String prefix() {
        return route.prefix();
    }

    public URI uri() {
        return route.upstream();
    }

    public String host() {
        return route.upstream().getHost();
    }

    public int port() {
        int port = route.upstream().getPort();
        return port > 0 ? port : ("https".equals(route.upstream().getScheme()) ? 443 : 80);
    }

    public boolean ssl() {
        return "https".equals(route.upstream().getScheme());
    }

    /** Whether an anonymous caller may use the (normalised) path: the route is public, or the path is one of its public paths. */
    public boolean isPublic(String path) {
        return route.isPublic() || route.publicPaths().orElse(List.of()).stream().anyMatch(open -> open.endsWith("/*")
                ? path.startsWith(open.substring(0, open.length() - 1))
                : path.equals(open));
    }

    /** Whether the (normalised) path belongs to this route: the prefix itself or below it. */
    public boolean matches(String path) {
        return path.equals(prefix()) || path.startsWith(prefix().endsWith("/") ? prefix() : prefix() + "/");
    }
}
