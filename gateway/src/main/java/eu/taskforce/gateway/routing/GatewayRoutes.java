package eu.taskforce.gateway.routing;

import eu.taskforce.gateway.config.GatewayConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.ConnectException;

/**
 * Routes each path prefix to its service over pooled keep-alive connections. Bodies stream both ways; nothing is
 * buffered. Tokens are checked before a request gets here (HTTP permissions in application.properties).
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"taskforce\"";

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout(2_000)
                        .setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(64));
        config.routes().forEach((name, route) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(port(route), route.upstream().getHost());
            for (String path : new String[] {route.prefix(), route.prefix() + "/*"}) {
                router.route(path).handler(GatewayRoutes::forwardedHeaders);
                if (!route.isPublic()) {
                    router.route(path).handler(GatewayRoutes::requireToken);
                }
                router.route(path).handler(ProxyHandler.create(proxy));
            }
            LOG.infof("Route %s: %s/* -> %s", name, route.prefix(), route.upstream());
        });
        router.route().order(-1).failureHandler(GatewayRoutes::failure);
    }

    /** Lets a service build links (Location, Link: next) with the address the client used, not its own. */
    private static void forwardedHeaders(RoutingContext context) {
        String host = context.request().getHeader("Host");
        if (host != null) {
            context.request().headers().set("X-Forwarded-Host", host);
        }
        context.request().headers().set("X-Forwarded-Proto", context.request().scheme());
        context.next();
    }

    /**
     * A request without a token on a non-public route: 401 with problem+json. (A request with a bad token never
     * gets here: authentication fails first and {@link #failure} answers.)
     */
    private static void requireToken(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", BEARER_CHALLENGE);
        Problems.send(context, 401, "unauthorized", "Unauthorized", "A bearer token is required");
    }

    /** Authentication failures and upstream errors as problem+json rather than an empty body. */
    private static void failure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", BEARER_CHALLENGE + ", error=\"invalid_token\"");
            Problems.send(context, 401, "unauthorized", "Unauthorized", "A valid bearer token is required");
        } else if (failure instanceof ConnectException) {
            Problems.send(context, 502, "bad-gateway", "Bad gateway", "The service behind this path is unavailable");
        } else {
            context.next();
        }
    }

    private static int port(GatewayConfig.Route route) {
        int port = route.upstream().getPort();
        return port > 0 ? port : ("https".equals(route.upstream().getScheme()) ? 443 : 80);
    }
}
