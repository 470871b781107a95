package eu.taskforce.systemtests;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A subscriber's endpoint on 127.0.0.1 (the test stack allows loopback http): every message it receives, by
 * webhook-id, its signature checked on arrival with the reference implementation of Standard Webhooks against the
 * subscription's secret ({@link #secret(String)}, given once the subscription is made).
 */
final class WebhookReceiver implements AutoCloseable {

    final Map<String, JsonPath> verified = new ConcurrentHashMap<>();
    final Map<String, String> unverified = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile String secret;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                try {
                    new Webhook(secret).verify(body, Map.of(
                            "webhook-id", List.of(id),
                            "webhook-timestamp", List.of(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                            "webhook-signature", List.of(exchange.getRequestHeaders().getFirst("webhook-signature"))));
                    verified.put(id, new JsonPath(body));
                } catch (Exception e) {
                    unverified.put(String.valueOf(id), e.toString());
                }
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
