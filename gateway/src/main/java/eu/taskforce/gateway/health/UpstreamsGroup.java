package eu.taskforce.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** /q/health/group/upstreams: DOWN as soon as one service is not ready, for monitoring and alerts. */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsGroup implements AsyncHealthCheck {

    private final UpstreamProbe probe;

    public UpstreamsGroup(UpstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probeAll().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams")
                    .status(states.values().stream().allMatch(UpstreamProbe.State::up));
            states.forEach((name, state) -> response.withData(name, state.description()));
            return response.build();
        });
    }
}
