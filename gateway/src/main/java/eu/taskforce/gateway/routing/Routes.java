package eu.taskforce.gateway.routing;

import eu.taskforce.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The configured routes, longest prefix first, and the one HTTP client whose pools reach their services' instances. */
@ApplicationScoped
public class Routes {

    private final List<Upstream> upstreams;
    private final HttpClient client;
    private final HttpClient freshClient;
    private final GatewayConfig config;

    public Routes(GatewayConfig config, Vertx vertx,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                  MemorySize serverLimit) {
        this.config = config;
        this.upstreams = config.routes().entrySet().stream()
                .map(entry -> new Upstream(entry.getKey(), entry.getValue(),
                        // the HTTP server's limit is the ceiling: it refuses a larger Content-Length before any route
                        Math.min(serverLimit.asLongValue(),
                                entry.getValue().maxBodySize().map(MemorySize::asLongValue).orElse(Long.MAX_VALUE)),
                        entry.getValue().upstream().stream().map(uri -> new Instance(uri, new CircuitBreaker(
                                config.circuitBreaker().failureThreshold(), config.circuitBreaker().openDuration())))
                                .toList()))
                .sorted(Comparator.comparingInt((Upstream upstream) -> upstream.prefix().length()).reversed())
                .toList();
        // One pool per instance's address; keep-alive so that a request does not pay for a TCP handshake.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout((int) config.upstreams().keepAliveTimeout().toSeconds())
                        .setConnectTimeout((int) config.upstreams().connectTimeout().toMillis())
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.upstreams().poolSize()));
        // A request sent again because its pooled connection closed under it goes on a connection of its own: the
        // pool may hold more connections that the service closed at the same moment.
        this.freshClient = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(false)
                        .setConnectTimeout((int) config.upstreams().connectTimeout().toMillis())
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.upstreams().poolSize()));
    }

    public List<Upstream> all() {
        return upstreams;
    }

    public Optional<Upstream> match(String path) {
        return upstreams.stream().filter(upstream -> upstream.matches(path)).findFirst();
    }

    public HttpClient client() {
        return client;
    }

    /** A client that opens a new connection for every request and closes it after the answer. */
    public HttpClient freshClient() {
        return freshClient;
    }

    public GatewayConfig config() {
        return config;
    }

    @PreDestroy
    void close() {
        client.close();
        freshClient.close();
    }
}
