package eu.taskforce.gateway;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real HTTP server standing in for a service: it answers every request with what it received (method, path,
 * query, headers, body size), after {@code ?delay=ms} if asked, and serves /q/health/ready and a small OpenAPI
 * document of its own at /q/openapi.
 */
public final class EchoUpstream {

    private EchoUpstream() {
    }

    public static HttpServer start(Vertx vertx, int port, Handler<HttpServerRequest> handler) {
        // the services' HTTP limits (platform), so that what the gateway lets through reaches the handler
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(16384).setMaxHeaderSize(64 * 1024);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return vertx.createHttpServer(options).requestHandler(handler).listen(port, "127.0.0.1")
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a test's earlier server on the same port may still be releasing it after its close() completed
                if (!(e.getCause() instanceof BindException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Upstream on port " + port + " did not start: " + e, e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    public static void stop(HttpServer server) {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Upstream did not stop", e);
        }
    }

    /**
     * A port that is free now and that the system will not hand out on its own: ports from {@code new ServerSocket(0)}
     * come from the ephemeral range, where any outgoing connection of the test (to Keycloak, to an upstream) may take
     * the same port as its local end before the test's server binds it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(BELOW_EPHEMERAL_FROM, BELOW_EPHEMERAL_TO);
            if (!GIVEN.add(port)) {
                continue; // handed out before in this JVM: its server may be listening, or about to
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another one
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + BELOW_EPHEMERAL_FROM + " and "
                + BELOW_EPHEMERAL_TO));
    }

    /** Below Linux's default ephemeral range (32768-60999). */
    private static final int BELOW_EPHEMERAL_FROM = 20_000;
    /** Every port handed out in this JVM: two routes or tests never get the same one. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int BELOW_EPHEMERAL_TO = 32_000;

    /** Echoes requests as the service {@code name} whose paths live under {@code prefix}. */
    public static Handler<HttpServerRequest> echo(Vertx vertx, String name, String prefix, boolean isPublic) {
        return request -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(openApi(name, prefix, isPublic).encode());
                return;
            }
            if (request.path().equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
                return;
            }
            request.body().onSuccess(body -> {
                Map<String, Object> headers = new TreeMap<>();
                request.headers().forEach(header -> headers.merge(header.getKey().toLowerCase(), header.getValue(),
                        (a, b) -> a + ", " + b));
                JsonObject echo = new JsonObject()
                        .put("service", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("path", request.path())
                        .put("query", request.query())
                        .put("headers", new JsonObject(headers))
                        .put("bodyLength", body.length());
                String delay = request.getParam("delay");
                Runnable answer = () -> request.response()
                        .putHeader("Content-Type", "application/json")
                        // as a Quarkus service would send it: the gateway must not double it
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .end(echo.encode());
                if (delay != null) {
                    vertx.setTimer(Long.parseLong(delay), timer -> answer.run());
                } else {
                    answer.run();
                }
            });
        };
    }

    /**
     * A document like the services': a Problem and a Page schema that every service has in the same shape, an Item
     * schema whose shape differs from service to service, an operationId that every service uses, and a path outside
     * the service's prefix that the gateway does not route.
     */
    static JsonObject openApi(String name, String prefix, boolean isPublic) {
        JsonObject text = new JsonObject().put("type", "string");
        JsonObject problem = new JsonObject().put("type", "object")
                .put("description", "RFC 9457 problem details (" + name + ")")
                .put("properties", new JsonObject().put("type", text).put("title", text).put("detail", text)
                        .put("instance", text).put("status", new JsonObject().put("type", "integer")));
        JsonObject page = new JsonObject().put("type", "object")
                .put("properties", new JsonObject()
                        .put("items", new JsonObject().put("type", "array")
                                .put("items", new JsonObject().put("$ref", "#/components/schemas/Item")))
                        .put("next", text));
        JsonObject item = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("id", text).put(name + "Field", text));
        JsonObject problemResponse = new JsonObject().put("description", "Not found")
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
        JsonObject list = new JsonObject()
                .put("operationId", "listItems")
                .put("tags", new JsonArray().add(name))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "A page").put("content", new JsonObject()
                                .put("application/json", new JsonObject()
                                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Page")))))
                        .put("404", problemResponse));
        JsonObject components = new JsonObject().put("schemas", new JsonObject()
                .put("Problem", problem).put("Page", page).put("Item", item));
        JsonObject document = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Fake " + name).put("version", "1.0.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name)))
                .put("paths", new JsonObject()
                        .put(prefix + "/items", new JsonObject().put("get", list))
                        .put("/q/not-routed", new JsonObject().put("get", new JsonObject()
                                .put("responses", new JsonObject().put("200",
                                        new JsonObject().put("description", "never through the gateway"))))))
                .put("components", components);
        if (!isPublic) {
            components.put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject()
                    .put("type", "openIdConnect")
                    .put("openIdConnectUrl", "http://127.0.0.1:8180/realms/taskforce/.well-known/openid-configuration")));
            document.put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())));
        }
        return document;
    }
}
