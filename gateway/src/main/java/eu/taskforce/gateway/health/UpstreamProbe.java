package eu.taskforce.gateway.health;

import eu.taskforce.gateway.routing.Routes;
import eu.taskforce.gateway.routing.Upstream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every service's /q/health/ready, all at once, with a short timeout. */
@ApplicationScoped
public class UpstreamProbe {

    /** What one service said. */
    public record State(boolean up, String description) {
    }

    private final Routes routes;

    public UpstreamProbe(Routes routes) {
        this.routes = routes;
    }

    public Uni<Map<String, State>> probeAll() {
        List<Future<State>> probes = new ArrayList<>();
        for (Upstream upstream : routes.all()) {
            probes.add(probe(upstream));
        }
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage()).map(done -> {
            Map<String, State> states = new LinkedHashMap<>();
            for (int i = 0; i < routes.all().size(); i++) {
                states.put(routes.all().get(i).name(), probes.get(i).result());
            }
            return states;
        });
    }

    private Future<State> probe(Upstream upstream) {
        long timeout = routes.config().upstreams().healthTimeout().toMillis();
        String breaker = "circuit " + upstream.breaker().state().name().toLowerCase().replace('_', '-');
        return routes.client().request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(upstream.host())
                        .setPort(upstream.port())
                        .setSsl(upstream.ssl())
                        .setURI("/q/health/ready")
                        .setConnectTimeout(timeout)
                        .setIdleTimeout(timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> new State(status == 200,
                        (status == 200 ? "UP" : "DOWN (ready answered " + status + ")") + ", " + upstream.uri()
                                + ", " + breaker))
                .otherwise(failure -> new State(false, "DOWN (" + failure.getMessage() + "), " + upstream.uri()
                        + ", " + breaker));
    }
}
