package eu.taskforce.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP servers in place of the services, plus test routes: a rate-limited one (with and without a token),
 * one whose service is stopped, one whose service is slow, three whose service a test starts and stops itself
 * (circuit breaker, streaming, idle connections), and one with two instances that a test starts and stops. The gateway's routes point to them.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    /** Limits of the "tight" rate-limit group. */
    public static final int TIGHT_LIMIT = 3;
    public static final String TIGHT_WINDOW = "2s";
    public static final int BREAKER_THRESHOLD = 3;
    /** Body limit of the membership route (Content-Length) and of the stream route (chunked). */
    public static final int SMALL_BODY_LIMIT = 16 * 1024;
    /** How long the gateway keeps an unused upstream connection. */
    public static final int KEEP_ALIVE_SECONDS = 1;

    private Vertx vertx;
    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        echoRoute(config, "membership", "/api/v1/membership", false);
        echoRoute(config, "meetings", "/api/v1/meetings", false);
        echoRoute(config, "guidance", "/api/v1/guidance", false);
        echoRoute(config, "public", "/api/v1/public", true);
        echoRoute(config, "transparency", "/api/v1/transparency", false);
        echoRoute(config, "notifications", "/api/v1/notifications", false);

        echoRoute(config, "test-limited", "/api/v1/test-limited", false);
        config.put("taskforce.gateway.routes.test-limited.rate-limit", "tight");
        echoRoute(config, "test-open-limited", "/api/v1/test-open-limited", true);
        config.put("taskforce.gateway.routes.test-open-limited.rate-limit", "tight");
        config.put("taskforce.gateway.rate-limits.tight.limit", Integer.toString(TIGHT_LIMIT));
        config.put("taskforce.gateway.rate-limits.tight.window", TIGHT_WINDOW);
        // the other tests must never meet a limit
        config.put("taskforce.gateway.rate-limits.default.limit", "100000");
        config.put("taskforce.gateway.rate-limits.public.limit", "100000");

        echoRoute(config, "test-slow", "/api/v1/test-slow", true);
        config.put("taskforce.gateway.routes.test-slow.timeout", "500ms");
        // no server on these ports until a test starts one
        route(config, "test-down", "/api/v1/test-down", EchoUpstream.freePort(), true);
        route(config, "test-breaker", "/api/v1/test-breaker", EchoUpstream.freePort(), true);
        route(config, "test-stream", "/api/v1/test-stream", EchoUpstream.freePort(), true);
        route(config, "test-idle", "/api/v1/test-idle", EchoUpstream.freePort(), true);
        // two instances, as a comma-separated list, balanced and probed every 200 ms (BalancingTest)
        route(config, "test-pair", "/api/v1/test-pair", EchoUpstream.freePort(), true);
        config.put("taskforce.gateway.routes.test-pair.upstream", "http://127.0.0.1:" + EchoUpstream.freePort()
                + ",http://127.0.0.1:" + EchoUpstream.freePort());
        config.put("taskforce.gateway.upstreams.health-interval", "200ms");
        // the gateway's pooled connections are closed after 1 s unused (IdleConnectionTest)
        config.put("taskforce.gateway.upstreams.keep-alive-timeout", KEEP_ALIVE_SECONDS + "s");
        config.put("taskforce.gateway.routes.test-stream.max-body-size", Integer.toString(SMALL_BODY_LIMIT));
        config.put("taskforce.gateway.routes.membership.max-body-size", Integer.toString(SMALL_BODY_LIMIT));

        config.put("taskforce.gateway.circuit-breaker.failure-threshold", Integer.toString(BREAKER_THRESHOLD));
        config.put("taskforce.gateway.circuit-breaker.open-duration", "1s");
        config.put("taskforce.gateway.upstreams.health-timeout", "1s");
        config.put("taskforce.gateway.openapi.cache-ttl", "0s");
        return config;
    }

    private void echoRoute(Map<String, String> config, String name, String prefix, boolean isPublic) {
        int port = EchoUpstream.freePort();
        servers.add(EchoUpstream.start(vertx, port, EchoUpstream.echo(vertx, name, prefix, isPublic)));
        route(config, name, prefix, port, isPublic);
    }

    private static void route(Map<String, String> config, String name, String prefix, int port, boolean isPublic) {
        config.put("taskforce.gateway.routes." + name + ".prefix", prefix);
        config.put("taskforce.gateway.routes." + name + ".upstream", "http://127.0.0.1:" + port);
        config.put("taskforce.gateway.routes." + name + ".public", Boolean.toString(isPublic));
    }

    @Override
    public void stop() {
        servers.forEach(EchoUpstream::stop);
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
