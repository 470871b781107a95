package eu.taskforce.gateway.routing;

import eu.taskforce.gateway.metrics.GatewayMetrics;
import eu.taskforce.common.problem.ProblemJson;
import eu.taskforce.gateway.ratelimit.RateLimiter;
import eu.taskforce.gateway.security.Callers;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.function.BiFunction;

/**
 * Routes each path prefix to its service over pooled keep-alive connections. Bodies stream both ways; nothing is
 * buffered. Before a request reaches a service: its token was checked (quarkus-oidc, before any route), a token is
 * required unless the route is public, its body size is checked, and the caller's rate limit is taken.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /** After CORS (300) and authentication (200), before the HTTP server's own size check (order -2). */
    static final int BODY_LIMIT_PRIORITY = 150;

    private final Routes routes;
    private final RateLimiter rateLimiter;
    private final Callers callers;
    private final GatewayMetrics metrics;

    public GatewayRoutes(Routes routes, RateLimiter rateLimiter, Callers callers, GatewayMetrics metrics) {
        this.routes = routes;
        this.rateLimiter = rateLimiter;
        this.callers = callers;
        this.metrics = metrics;
    }

    void filters(@Observes Filters filters) {
        filters.register(this::bodyLimit, BODY_LIMIT_PRIORITY);
    }

    void register(@Observes Router router) {
        metrics.register(routes.all());
        for (Upstream upstream : routes.all()) {
            // no WebSocket tunnels: no service offers one, and a tunnel would bypass the interceptor (breaker, headers)
            BiFunction<HttpClient, Instance, Future<HttpClientRequest>> origin = (client, instance) -> client.request(
                            new RequestOptions()
                            .setHost(instance.host())
                            .setPort(instance.port())
                            .setSsl(instance.ssl())
                            .setConnectTimeout(routes.config().upstreams().connectTimeout().toMillis())
                            .setIdleTimeout(upstream.route().timeout().toMillis()))
                    // failures reach the proxy through the response; without a handler Vert.x would also log each
                    // one (a client that leaves resets its upstream request) as an error
                    .onSuccess(request -> request.exceptionHandler(failure ->
                            LOG.debugf("%s request ended: %s", upstream.name(), failure.getMessage())));
            // no WebSocket tunnels: no service offers one, and a tunnel would bypass the interceptor (breaker, headers)
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), routes.client())
                    .origin(context -> origin.apply(context.client(), UpstreamInterceptor.instance(context)))
                    .addInterceptor(new UpstreamInterceptor(upstream,
                            instance -> origin.apply(routes.client(), instance),
                            instance -> origin.apply(routes.freshClient(), instance),
                            routes.config().upstreams().retryBodyLimit().asLongValue(), callers::address));
            for (String path : new String[] {upstream.prefix(), upstream.prefix() + "/*"}) {
                // first, so that a 401 or a 429 of the route is counted with its answers
                router.route(path).handler(context -> {
                    metrics.time(context, upstream);
                    context.next();
                });
                if (!upstream.route().isPublic()) {
                    router.route(path).handler(context -> {
                        if (upstream.isPublic(context.normalizedPath())) {
                            context.next();
                        } else {
                            callers.requireToken(context);
                        }
                    });
                }
                router.route(path).handler(context -> rateLimit(context, upstream));
                router.route(path).handler(context -> proxy.handle(context.request()));
            }
            LOG.infof("Route %s: %s/* -> %s (%s, timeout %s, rate limit %s)", upstream.name(), upstream.prefix(),
                    upstream.instances(), upstream.route().isPublic() ? "public" : "token required",
                    upstream.route().timeout(), upstream.route().rateLimit());
        }
        // anything else: a problem, not Vert.x's plain-text page
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 100).handler(context ->
                ProblemJson.send(context, 404, "not-found", "Not found", "Nothing is served at this path"));
    }

    /** 413 for a body whose Content-Length is over the route's limit; a chunked body is counted as it streams. */
    private void bodyLimit(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            long limit = routes.match(context.normalizedPath()).map(Upstream::maxBodySize)
                    .orElse(routes.all().stream().mapToLong(Upstream::maxBodySize).max().orElse(Long.MAX_VALUE));
            long size;
            try {
                size = Long.parseLong(length.trim());
            } catch (NumberFormatException malformed) {
                ProblemJson.send(context, 400, "bad-request", "Bad request", "The Content-Length header is not a number");
                return;
            }
            if (size > limit) {
                // the client may still be sending it: do not read it all, end the connection after the answer
                context.response().putHeader("Connection", "close")
                        .endHandler(ended -> context.request().connection().close());
                ProblemJson.send(context, 413, "payload-too-large", "Content too large",
                        "The request body is larger than " + limit + " bytes");
                return;
            }
        }
        context.next();
    }

    private void rateLimit(RoutingContext context, Upstream upstream) {
        rateLimiter.apply(context, upstream.route().rateLimit(), callers.key(context),
                rejected -> metrics.rateLimited(upstream));
    }
}
