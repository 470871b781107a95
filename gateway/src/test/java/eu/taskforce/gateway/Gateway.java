package eu.taskforce.gateway;

import io.restassured.RestAssured;

import java.net.http.HttpClient;

/** The gateway under test, for clients other than RestAssured. */
final class Gateway {

    private Gateway() {
    }

    static String url(String path) {
        // Quarkus points RestAssured at the port the test instance got
        return "http://127.0.0.1:" + RestAssured.port + path;
    }

    /** A JDK client on HTTP/1.1, where chunked bodies are visible as such. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
}
