package eu.taskforce.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.gateway.config.GatewayConfig;
import eu.taskforce.gateway.routing.Instance;
import eu.taskforce.gateway.routing.Routes;
import eu.taskforce.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each service's OpenAPI document, fetched when asked for and kept for a short while. A service that cannot be
 * reached keeps its last document (marked stale) or leaves its paths out; the merged document still comes.
 */
@ApplicationScoped
public class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);

    private record Cached(JsonNode document, long fetchedAt) {
    }

    private final Routes routes;
    private final ObjectMapper mapper;
    private final GatewayConfig.OpenApi config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OpenApiDocuments(Routes routes, ObjectMapper mapper, GatewayConfig config) {
        this.routes = routes;
        this.mapper = mapper;
        this.config = config.openapi();
    }

    public Future<List<OpenApiMerger.Source>> sources() {
        List<Future<OpenApiMerger.Source>> sources = new ArrayList<>();
        // sorted by name so that the merge (which keeps the first of two names) does not depend on the config's order
        routes.all().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(upstream ->
                sources.add(source(upstream)));
        return Future.join(sources).map(done -> sources.stream().map(Future::result).toList());
    }

    private Future<OpenApiMerger.Source> source(Upstream upstream) {
        Cached cached = cache.get(upstream.name());
        if (cached != null && System.nanoTime() - cached.fetchedAt() < config.cacheTtl().toNanos()) {
            return Future.succeededFuture(source(upstream, cached.document(), "ok"));
        }
        long timeout = config.timeout().toMillis();
        // the instances of a service serve the same document: any one that is ready
        Instance instance = upstream.any();
        return routes.client().request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(instance.host())
                        .setPort(instance.port())
                        .setSsl(instance.ssl())
                        .setURI("/q/openapi?format=json")
                        .putHeader("Accept", "application/json")
                        .setConnectTimeout(timeout)
                        .setIdleTimeout(timeout))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("its /q/openapi answered " + response.statusCode()))
                .map(body -> {
                    try {
                        JsonNode document = mapper.readTree(body.getBytes());
                        cache.put(upstream.name(), new Cached(document, System.nanoTime()));
                        return source(upstream, document, "ok");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("its /q/openapi is not JSON: " + e.getMessage());
                    }
                })
                .otherwise(failure -> {
                    LOG.warnf("OpenAPI document of %s not available: %s", upstream.name(), failure.getMessage());
                    return cached != null
                            ? source(upstream, cached.document(), "stale: " + failure.getMessage())
                            : source(upstream, null, "unavailable: " + failure.getMessage());
                });
    }

    private static OpenApiMerger.Source source(Upstream upstream, JsonNode document, String status) {
        return new OpenApiMerger.Source(upstream.name(), upstream.prefix(), upstream::isPublic, document,
                status);
    }
}
