package eu.taskforce.gateway.tracing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With TASKFORCE_OTLP_ENDPOINT set, the spans leave the process over OTLP/HTTP (protobuf) to {@code <endpoint>/v1/traces}
 * (common's OtlpExport): a collector of the test's own receives the trace of a request.
 */
@QuarkusTest
@TestProfile(OtlpExportTest.WithCollector.class)
class OtlpExportTest {

    static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer COLLECTOR = collector();

    public static class WithCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("TASKFORCE_OTLP_ENDPOINT", "http://127.0.0.1:" + COLLECTOR.getAddress().getPort());
        }
    }

    @Test
    void theSpansOfARequestReachTheCollector() {
        String trace = "2c9e5d8f1a7b4c3e9d0f6a5b4c3d2e1f";
        given().header("traceparent", "00-" + trace + "-1a2b3c4d5e6f7a8b-01").get("/api/v1/public/participants")
                .then().statusCode(200);
        byte[] traceId = HexFormat.of().parseHex(trace);
        // the batch goes out within its schedule (5 s)
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.stream().anyMatch(body -> contains(body, traceId)));
    }

    @AfterAll
    static void stop() {
        COLLECTOR.stop(0);
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                RECEIVED.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
