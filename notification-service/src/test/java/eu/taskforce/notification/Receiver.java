package eu.taskforce.notification;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A real webhook receiver on 127.0.0.1: records every request it gets and answers with the status its {@link #answer}
 * says (200 unless told otherwise); it can be stopped and started again on the same port (an endpoint that is down).
 * Signatures are verified with the reference implementation of Standard Webhooks (the Java library's
 * {@code Webhook.verify}).
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String contentType, String body) {

        /** Whether the reference implementation accepts the message with {@code secret}. */
        public boolean verifiesWith(String secret) {
            Map<String, List<String>> headers = new HashMap<>();
            headers.put("webhook-id", List.of(id));
            headers.put("webhook-timestamp", List.of(timestamp));
            headers.put("webhook-signature", List.of(signature));
            try {
                new Webhook(secret).verify(body, headers);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Received> answer = r -> 200;
    private final int port;
    private HttpServer server;

    private Receiver(int port) throws IOException {
        this.port = port;
        start();
    }

    public static Receiver start(int port) {
        try {
            return new Receiver(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A receiver on a free port. */
    public static Receiver started() {
        return start(0);
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", server == null ? port : port()), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public synchronized void stop() {
        server.stop(0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    /** From now on, answers each request with the status this gives. */
    public void answer(ToIntFunction<Received> answer) {
        this.answer = answer;
    }

    public long count(String eventId) {
        return received.stream().filter(r -> r.id().equals(eventId)).count();
    }

    public List<String> ids() {
        return received.stream().map(Received::id).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Received received = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            this.received.add(received);
            exchange.sendResponseHeaders(answer.applyAsInt(received), -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
