package eu.taskforce.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** /q/health/group/upstreams: DOWN while a service has no ready instance, for monitoring and alerts. */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsGroup implements AsyncHealthCheck {

    private final UpstreamProbe probe;

    public UpstreamsGroup(UpstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.check(true);
    }
}
