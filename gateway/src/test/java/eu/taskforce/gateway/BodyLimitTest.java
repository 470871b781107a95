package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Request bodies over the route's limit (16 KiB on the test routes): 413 with problem+json. */
@QuarkusTest
class BodyLimitTest {

    @Inject
    Vertx vertx;

    @Test
    void bodyWithContentLengthOverTheLimitIsRefusedBeforeTheService() {
        given().auth().oauth2(Tokens.access("office"))
                .contentType("application/json").body(new byte[Upstreams.SMALL_BODY_LIMIT + 1])
                .post("/api/v1/membership/signatories")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than " + Upstreams.SMALL_BODY_LIMIT + " bytes"));

        given().auth().oauth2(Tokens.access("office"))
                .contentType("application/json").body(new byte[Upstreams.SMALL_BODY_LIMIT])
                .post("/api/v1/membership/signatories")
                .then().statusCode(200).body("bodyLength", equalTo(Upstreams.SMALL_BODY_LIMIT));
    }

    @Test
    void chunkedBodyIsCountedAsItStreams() throws Exception {
        int port = URI.create(ConfigProvider.getConfig()
                .getValue("taskforce.gateway.routes.test-stream.upstream", String.class)).getPort();
        AtomicBoolean answered = new AtomicBoolean();
        HttpServer upstream = EchoUpstream.start(vertx, port, request -> request.body().onSuccess(body -> {
            answered.set(true);
            request.response().end("{\"bodyLength\":" + body.length() + "}");
        }));
        try {
            HttpClient client = Gateway.client();
            // ofInputStream sends no Content-Length: the body goes chunked
            HttpResponse<String> tooLarge = client.send(chunked(Upstreams.SMALL_BODY_LIMIT * 4),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(tooLarge.body()).contains("urn:taskforce:problem:payload-too-large");
            assertThat(answered).isFalse();

            HttpResponse<String> small = client.send(chunked(Upstreams.SMALL_BODY_LIMIT - 1),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).isEqualTo("{\"bodyLength\":" + (Upstreams.SMALL_BODY_LIMIT - 1) + "}");
        } finally {
            EchoUpstream.stop(upstream);
        }
    }

    private static HttpRequest chunked(int size) {
        return HttpRequest.newBuilder(URI.create(Gateway.url("/api/v1/test-stream/upload")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
    }
}
