package eu.taskforce.gateway.routing;

import eu.taskforce.gateway.config.GatewayConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route and the instances of the service behind it, each with its own circuit breaker. Requests are spread over
 * the instances round-robin; an instance whose readiness probe fails is left out while another one passes.
 */
public final class Upstream {

    private final String name;
    private final GatewayConfig.Route route;
    private final long maxBodySize;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param name        the route's name in the configuration (membership, meetings, guidance, public)
     * @param maxBodySize the largest request body the route accepts, in bytes
     */
    public Upstream(String name, GatewayConfig.Route route, long maxBodySize, List<Instance> instances) {
        this.name = name;
        this.route = route;
        this.maxBodySize = maxBodySize;
        this.instances = List.copyOf(instances);
    }

    public String name() {
        return name;
    }

    public GatewayConfig.Route route() {
        return route;
    }

    public long maxBodySize() {
        return maxBodySize;
    }

    public List<Instance> instances() {
        return instances;
    }

    public String prefix() {
        return route.prefix();
    }

    /**
     * The next instance that may take a request, its circuit's permission taken: round-robin over the instances whose
     * probe passes (over all of them when none passes, so that a single instance is never left out), skipping
     * {@code tried} (the instance a request has just failed to reach) and those whose circuit is open. Empty when no
     * circuit lets the request through.
     */
    public Optional<Instance> acquire(Instance tried) {
        List<Instance> candidates = candidates(tried);
        int start = Math.floorMod(next.getAndIncrement(), Math.max(1, candidates.size()));
        for (int i = 0; i < candidates.size(); i++) {
            Instance instance = candidates.get((start + i) % candidates.size());
            if (instance.breaker().tryAcquire()) {
                return Optional.of(instance);
            }
        }
        return Optional.empty();
    }

    /** An instance to ask something outside the traffic (a document): a healthy one, or the first. */
    public Instance any() {
        return instances.stream().filter(Instance::healthy).findFirst().orElse(instances.get(0));
    }

    /** Seconds until the first open circuit of the route lets a trial request through. */
    public long retryAfterSeconds() {
        return instances.stream().mapToLong(instance -> instance.breaker().retryAfterSeconds()).min().orElse(1);
    }

    private List<Instance> candidates(Instance tried) {
        List<Instance> healthy = new ArrayList<>();
        List<Instance> all = new ArrayList<>();
        for (Instance instance : instances) {
            if (instance != tried) {
                all.add(instance);
                if (instance.healthy()) {
                    healthy.add(instance);
                }
            }
        }
        return healthy.isEmpty() ? all : healthy;
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
