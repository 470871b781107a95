package eu.taskforce.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reports each service behind the gateway, and stays UP while some are down: the gateway still serves
 * the others (and answers 502/503 for the missing one), so taking it out of a load balancer would turn one
 * service's outage into an outage of all. {@link UpstreamsGroup} is the strict view for monitoring.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final UpstreamProbe probe;

    public UpstreamsReadiness(UpstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.check(false);
    }
}
