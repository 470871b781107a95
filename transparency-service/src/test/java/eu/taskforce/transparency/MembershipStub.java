package eu.taskforce.transparency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.membership.Opening;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * membership-service's disclosure endpoint as the register calls it ({@code GET /api/v1/membership/disclosures/{c}}),
 * served by the JDK's HTTP server on a free port for the module tests: 200 with the opening while the test discloses
 * it, 404 problem+json otherwise, 401 without a token of the {@code taskforce-services} client (a real one from
 * Keycloak: the register's OIDC client gets it). A test can hold an answer until it releases it.
 */
public class MembershipStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, Opening> OPENINGS = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static final AtomicInteger UNAUTHORISED = new AtomicInteger();
    private static final Set<String> AWAY = ConcurrentHashMap.newKeySet();

    private HttpServer server;

    /** membership-service discloses the opening from now on. */
    public static String disclose(Opening opening) {
        OPENINGS.put(opening.commitment(), opening);
        return opening.commitment();
    }

    /** membership-service no longer discloses it (consent withdrawn, rectified, erased). */
    public static void forget(String commitment) {
        OPENINGS.remove(commitment);
    }

    /** The next answers for {@code commitment} wait until the latch returned is counted down. */
    public static CountDownLatch hold(String commitment) {
        CountDownLatch latch = new CountDownLatch(1);
        HELD.put(commitment, latch);
        return latch;
    }

    /** membership-service answers 503 for {@code commitment} (as if away) until {@link #back(String)}. */
    public static void away(String commitment) {
        AWAY.add(commitment);
    }

    public static void back(String commitment) {
        AWAY.remove(commitment);
    }

    /** How many times the register asked for {@code commitment}. */
    public static int requests(String commitment) {
        AtomicInteger count = REQUESTS.get(commitment);
        return count == null ? 0 : count.get();
    }

    /** How many requests came without a token of the taskforce-services client. */
    public static int unauthorised() {
        return UNAUTHORISED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/membership/disclosures/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return Map.of("quarkus.rest-client.membership.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "taskforce.register.disclosures.max-backoff", "2s");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String commitment = exchange.getRequestURI().getPath().substring("/api/v1/membership/disclosures/".length());
            if (!servicesToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                UNAUTHORISED.incrementAndGet();
                answer(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
                return;
            }
            REQUESTS.computeIfAbsent(commitment, c -> new AtomicInteger()).incrementAndGet();
            if (AWAY.contains(commitment)) {
                answer(exchange, 503, "application/problem+json", "{\"status\":503}");
                return;
            }
            CountDownLatch held = HELD.get(commitment);
            if (held != null && !held.await(60, TimeUnit.SECONDS)) {
                answer(exchange, 503, "application/problem+json", "{\"status\":503}");
                return;
            }
            Opening opening = OPENINGS.get(commitment);
            if (opening == null) {
                answer(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
            } else {
                answer(exchange, 200, "application/json", EventJson.write(opening));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A bearer token issued to the client taskforce-services (its signature is Keycloak's business here). */
    private static boolean servicesToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return claims.contains("\"azp\":\"taskforce-services\"");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
