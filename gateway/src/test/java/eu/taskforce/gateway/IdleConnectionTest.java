package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pooled upstream connections that the service closes while they are idle never turn into a 502: a read, or a write
 * carrying an Idempotency-Key, that meets such a connection is sent once more on a new connection (thousands of
 * requests from concurrent clients, none a 502); a write without a key is never sent twice. And the gateway closes its own idle connections before a service would.
 */
@QuarkusTest
class IdleConnectionTest {

    /** A connection unused for longer than this is closed by the service, as a server with a short idle timeout does. */
    private static final long SERVICE_IDLE_MS = 8;
    private static final int CLIENTS = 8;
    private static final int REQUESTS_PER_CLIENT = 400;

    @Inject
    Vertx vertx;

    @Test
    void connectionsClosedByTheServiceWhileIdleGiveNo502() throws Exception {
        ClosingService service = new ClosingService();
        HttpServer upstream = service.start(vertx, new HttpServerOptions()
                // the service really closes idle connections too, not only the ones a request crosses
                .setIdleTimeout(250).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        List<Result> results = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            java.net.http.HttpClient http = Gateway.client();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        String id = "idle-" + client + "-" + i;
                        Kind kind = i % 2 == 0 ? Kind.GET : Kind.KEYED_POST;
                        String body = "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(900) + "\"}";
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.url(
                                "/api/v1/test-idle/items"))).header("X-Request-Id", id);
                        switch (kind) {
                            case GET -> request.GET();
                            case KEYED_POST -> request.header("Idempotency-Key", id)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body));
                            default -> throw new IllegalStateException(kind.name());
                        }
                        HttpResponse<String> response = http.send(request.build(),
                                HttpResponse.BodyHandlers.ofString());
                        results.add(new Result(id, kind, body.length(), response.statusCode(), response.body()));
                        // pauses around the service's idle time: some connections are reused at once, some are not
                        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 2 * SERVICE_IDLE_MS));
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(3, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            EchoUpstream.stop(upstream);
        }

        int total = CLIENTS * REQUESTS_PER_CLIENT;
        assertThat(results).hasSize(total);
        Map<String, Long> answers = results.stream().collect(java.util.stream.Collectors.groupingBy(
                result -> result.kind + " " + result.status, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
        assertThat(answers).as("answers by kind and status").containsExactly(
                Map.entry("GET 200", (long) total / 2), Map.entry("KEYED_POST 200", (long) total / 2));
        // each answer is its own request's, and a keyed write that was sent again arrived whole the second time
        assertThat(results.stream().filter(result -> !result.body.equals("{\"id\":\"" + result.id
                + "\",\"bodyLength\":" + (result.kind == Kind.GET ? 0 : result.sent) + "}"))).isEmpty();
        // the race really happened, and was survived: requests of both kinds met a connection closing under them
        assertThat(service.dropped(Kind.GET)).as("reads that met a closing connection").isGreaterThan(20);
        assertThat(service.dropped(Kind.KEYED_POST)).as("keyed writes that met a closing connection").isGreaterThan(20);
        System.out.printf("IdleConnectionTest: %d requests, answers %s; connections closed under %d reads and %d "
                        + "keyed writes, each sent again%n",
                total, answers, service.dropped(Kind.GET), service.dropped(Kind.KEYED_POST));
    }

    @Test
    void aWriteWithoutIdempotencyKeyIsNeverSentTwice() throws Exception {
        ClosingService service = new ClosingService();
        HttpServer upstream = service.start(vertx, new HttpServerOptions());
        java.net.http.HttpClient http = Gateway.client();
        try {
            for (int i = 0; i < 10; i++) {
                String id = "unkeyed-" + i;
                // a read leaves a pooled connection behind; the write meets it after the service closed it
                HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(Gateway.url(
                        "/api/v1/test-idle/items"))).header("X-Request-Id", id + "-read").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).isEqualTo(200);
                Thread.sleep(3 * SERVICE_IDLE_MS);
                HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(Gateway.url(
                                "/api/v1/test-idle/items"))).header("X-Request-Id", id)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(write.statusCode()).as(id).isEqualTo(502);
                assertThat(write.body()).contains("\"type\":\"urn:taskforce:problem:upstream-unreachable\"");
                assertThat(service.arrivals(id)).as("arrivals of " + id).isEqualTo(1);
            }
            assertThat(service.dropped(Kind.POST)).isEqualTo(10);
        } finally {
            EchoUpstream.stop(upstream);
        }
    }

    @Test
    void theGatewayClosesAnIdleConnectionBeforeTheServiceDoes() {
        AtomicLong answered = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        AtomicInteger connections = new AtomicInteger();
        // a service that keeps idle connections for 5 s, as the real ones keep them longer than the gateway
        HttpServer upstream = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(5))
                .connectionHandler(connection -> {
                    connections.incrementAndGet();
                    connection.closeHandler(gone -> closed.set(System.nanoTime()));
                })
                .requestHandler(request -> request.response().endHandler(end -> answered.set(System.nanoTime()))
                        .end("{}"))
                .listen(port(), "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        try {
            io.restassured.RestAssured.given().get("/api/v1/test-idle/items").then().statusCode(200);
            await().atMost(Duration.ofSeconds(4)).until(() -> closed.get() != 0);
            long idleMillis = TimeUnit.NANOSECONDS.toMillis(closed.get() - answered.get());
            assertThat(idleMillis).as("idle until the gateway closed it")
                    .isBetween(Upstreams.KEEP_ALIVE_SECONDS * 1000L - 100, Upstreams.KEEP_ALIVE_SECONDS * 1000L + 1500);
            assertThat(connections.get()).isEqualTo(1);
        } finally {
            EchoUpstream.stop(upstream);
        }
    }

    private enum Kind { GET, KEYED_POST, POST }

    private record Result(String id, Kind kind, int sent, int status, String body) {
    }

    /**
     * Echoes each request's id and body length, and closes a connection that stayed unused for longer than
     * {@link #SERVICE_IDLE_MS} when the next request arrives on it, without reading that request: what a client sees
     * when its request crosses the service's close of an idle connection.
     */
    private static final class ClosingService {

        private final Map<HttpConnection, Long> idleSince = new ConcurrentHashMap<>();
        private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
        private final Map<Kind, AtomicInteger> dropped = new ConcurrentHashMap<>();

        HttpServer start(Vertx vertx, HttpServerOptions options) {
            return vertx.createHttpServer(options).requestHandler(this::handle)
                    .listen(port(), "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        }

        private void handle(HttpServerRequest request) {
            String id = request.getHeader("X-Request-Id");
            arrivals.merge(id, 1, Integer::sum);
            HttpConnection connection = request.connection();
            Long since = idleSince.remove(connection);
            if (since != null && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(SERVICE_IDLE_MS)) {
                dropped.computeIfAbsent(kind(request), k -> new AtomicInteger()).incrementAndGet();
                connection.close();
                return;
            }
            request.body().onSuccess(body -> request.response()
                    .putHeader("Content-Type", "application/json")
                    .endHandler(end -> idleSince.put(connection, System.nanoTime()))
                    .end("{\"id\":\"" + id + "\",\"bodyLength\":" + body.length() + "}"));
        }

        private static Kind kind(HttpServerRequest request) {
            if (request.method().name().equals("GET")) {
                return Kind.GET;
            }
            return request.getHeader("Idempotency-Key") != null ? Kind.KEYED_POST : Kind.POST;
        }

        int dropped(Kind kind) {
            return dropped.getOrDefault(kind, new AtomicInteger()).get();
        }

        int arrivals(String id) {
            return arrivals.getOrDefault(id, 0);
        }
    }

    private static int port() {
        return URI.create(ConfigProvider.getConfig()
                .getValue("taskforce.gateway.routes.test-idle.upstream", String.class)).getPort();
    }
}
