package eu.taskforce.gateway.health;

import eu.taskforce.gateway.routing.Instance;
import eu.taskforce.gateway.routing.Routes;
import eu.taskforce.gateway.routing.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks every instance of every service for its /q/health/ready, all at once, with a short timeout: when readiness is
 * asked, and every {@code taskforce.gateway.upstreams.health-interval} for the services with several instances, so
 * that the balancing leaves out an instance that is not ready (and takes it back once it is).
 */
@ApplicationScoped
public class UpstreamProbe {

    /** What one service said: up while one of its instances is. */
    public record State(boolean up, String description) {
    }

    private final Routes routes;
    private long timer = -1;

    public UpstreamProbe(Routes routes) {
        this.routes = routes;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        List<Upstream> balanced = routes.all().stream().filter(upstream -> upstream.instances().size() > 1).toList();
        if (!balanced.isEmpty()) {
            timer = vertx.setPeriodic(routes.config().upstreams().healthInterval().toMillis(),
                    tick -> balanced.forEach(this::probe));
        }
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
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

    /**
     * The {@code upstreams} check: each service's state as its data; UP when {@code strict} is false, else only while
     * every service is up ({@link UpstreamsReadiness}, {@link UpstreamsGroup}).
     */
    Uni<HealthCheckResponse> check(boolean strict) {
        return probeAll().map(states -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams")
                    .status(!strict || states.values().stream().allMatch(State::up));
            states.forEach((name, state) -> response.withData(name, state.description()));
            return response.build();
        });
    }

    private Future<State> probe(Upstream upstream) {
        List<Future<State>> probes = upstream.instances().stream().map(this::probe).toList();
        return Future.join(probes).map(done -> {
            if (probes.size() == 1) {
                return probes.get(0).result();
            }
            long ready = probes.stream().filter(probe -> probe.result().up()).count();
            return new State(ready > 0, (ready > 0 ? "UP" : "DOWN") + " (" + ready + " of " + probes.size()
                    + " instances ready): " + probes.stream().map(probe -> probe.result().description())
                    .collect(Collectors.joining("; ")));
        });
    }

    /** Asks one instance, and marks it healthy or not for the balancing. */
    private Future<State> probe(Instance instance) {
        long timeout = routes.config().upstreams().healthTimeout().toMillis();
        String breaker = "circuit " + instance.breaker().state().name().toLowerCase().replace('_', '-');
        return routes.client().request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(instance.host())
                        .setPort(instance.port())
                        .setSsl(instance.ssl())
                        .setURI("/q/health/ready")
                        .setConnectTimeout(timeout)
                        .setIdleTimeout(timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> new State(status == 200,
                        (status == 200 ? "UP" : "DOWN (ready answered " + status + ")") + ", " + instance.uri()
                                + ", " + breaker))
                .otherwise(failure -> new State(false, "DOWN (" + failure.getMessage() + "), " + instance.uri()
                        + ", " + breaker))
                .onSuccess(state -> instance.healthy(state.up()));
    }
}
