package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bodies stream through the gateway both ways: the first rows of an export reach the client while the service is
 * still producing the rest, and the first bytes of an upload reach the service while the client is still sending.
 * A gateway that buffered would deliver nothing until the end, and these tests would time out.
 */
@QuarkusTest
class StreamingTest {

    @Inject
    Vertx vertx;

    @Test
    void exportReachesTheClientWhileTheServiceIsStillWriting() throws Exception {
        Promise<Void> finish = Promise.promise();
        HttpServer upstream = EchoUpstream.start(vertx, port(), request -> {
            request.response().setChunked(true).putHeader("Content-Type", "text/csv");
            request.response().write("id,name\n1,first row\n");
            // the rest only when the test says so, after it has read the first rows
            finish.future().onComplete(done -> {
                for (int i = 2; i <= 10_000; i++) {
                    request.response().write(i + ",row " + i + "\n");
                }
                request.response().end();
            });
        });
        try {
            HttpResponse<InputStream> response = Gateway.client().send(HttpRequest.newBuilder(
                    URI.create(Gateway.url("/api/v1/test-stream/export.csv"))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            BufferedReader csv = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String firstRows = CompletableFuture.supplyAsync(() -> {
                try {
                    return csv.readLine() + "|" + csv.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            assertThat(firstRows).isEqualTo("id,name|1,first row");

            finish.complete();
            long rows = csv.lines().count();
            assertThat(rows).isEqualTo(9_999);
        } finally {
            finish.tryComplete();
            EchoUpstream.stop(upstream);
        }
    }

    @Test
    void uploadReachesTheServiceWhileTheClientIsStillSending() throws Exception {
        AtomicLong received = new AtomicLong();
        HttpServer upstream = EchoUpstream.start(vertx, port(), request -> {
            request.handler(chunk -> received.addAndGet(chunk.length()));
            request.endHandler(end -> request.response().end("received " + received.get()));
        });
        HttpClient client = vertx.createHttpClient();
        try {
            HttpClientRequest upload = client.request(HttpMethod.POST, RestAssured.port, "127.0.0.1",
                    "/api/v1/test-stream/upload").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            CompletableFuture<String> answer = upload.response().compose(response -> response.body())
                    .map(Buffer::toString).toCompletionStage().toCompletableFuture();
            upload.setChunked(true).write(Buffer.buffer(new byte[1000]));

            // the service has the first kilobyte although the upload has not ended
            await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == 1000);
            assertThat(answer).isNotDone();

            upload.end(Buffer.buffer(new byte[2000]));
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("received 3000");
        } finally {
            client.close();
            EchoUpstream.stop(upstream);
        }
    }

    private static int port() {
        return URI.create(ConfigProvider.getConfig()
                .getValue("taskforce.gateway.routes.test-stream.upstream", String.class)).getPort();
    }
}
