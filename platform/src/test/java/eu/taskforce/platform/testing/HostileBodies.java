package eu.taskforce.platform.testing;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the services' hostile-body tests (issue 15) share: bodies built to be large (a huge array of short strings,
 * deep nesting, a long string), sent with the JDK's client, and the checks of the answer. RestAssured is not used for
 * these bodies: it copies a body (and pretty-prints it on a failure), which the tests' small heap cannot afford.
 */
public final class HostileBodies {

    /** The services' request body limit ({@code quarkus.http.limits.max-body-size=4M}). */
    public static final int BODY_LIMIT = 4 * 1024 * 1024;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HostileBodies() {
    }

    /** The answer's status, content type and body, the length of the body sent and the time taken. */
    public record Answer(int status, String contentType, String body, int sentLength, long millis) {
        public JsonPath json() {
            return new JsonPath(body);
        }
    }

    /** Sends {@code body} as JSON with {@code method} and the actor's token. */
    public static Answer send(URI base, Actors actor, String method, String path, String body)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (actor != Actors.ANONYMOUS) {
            request.header("Authorization", "Bearer " + actor.token());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), body.length(), (System.nanoTime() - start) / 1_000_000);
    }

    public static Answer post(URI base, Actors actor, String path, String body) throws IOException, InterruptedException {
        return send(base, actor, "POST", path, body);
    }

    /** {@code {validFields,"field":["ab-00000","ab-00001",...]}}: {@code count} short strings in one array. */
    public static String withHugeArray(String validFields, String field, int count) {
        StringBuilder body = new StringBuilder(count * 11 + validFields.length() + 20).append('{').append(validFields)
                .append(",\"").append(field).append("\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(String.format("\"ab-%05d\"", i % 100_000));
        }
        return body.append("]}").toString();
    }

    /** {@code {validFields,"extra":[[[...]]]}}: arrays nested {@code depth} deep. */
    public static String withDeepNesting(String validFields, int depth) {
        return "{" + validFields + ",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** {@code {validFields,"field":"xxx..."}}: one string of {@code length} characters. */
    public static String withLongString(String validFields, String field, int length) {
        return "{" + validFields + ",\"" + field + "\":\"" + "x".repeat(length) + "\"}";
    }

    /** Valid JSON of exactly {@code size} bytes: {@code {validFields}} padded with spaces. */
    public static String padded(String validFields, int size) {
        String json = "{" + validFields + "}";
        return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
    }

    /** A problem+json answer with {@code status}, small whatever the body was. */
    public static Answer problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body().length() > 500 ? answer.body().substring(0, 500) : answer.body())
                .isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().length()).as("problem size").isLessThan(2_000);
        return answer;
    }

    /** A 400 validation problem with one error, on {@code field}, saying {@code message}. */
    public static Answer oneFieldError(Answer answer, String field, String message) {
        problem(answer, 400);
        assertThat(answer.json().getList("errors.field")).containsExactly(field);
        assertThat(answer.json().getString("errors[0].message")).isEqualTo(message);
        return answer;
    }

    /** A 400 refused by the JSON parser's limits ({@code json-limit}) whose detail says {@code detail}. */
    public static Answer jsonLimit(Answer answer, String detailPart) {
        problem(answer, 400);
        assertThat(answer.json().getString("type")).isEqualTo("urn:taskforce:problem:json-limit");
        assertThat(answer.json().getString("detail")).contains(detailPart);
        return answer;
    }

    /** A string far over the parser's limit: the parser stops reading, and the 400 names the field. */
    public static Answer stringOverTheParsersLimit(Answer answer, String field) {
        jsonLimit(answer, "String value length");
        assertThat(answer.json().getString("errors[0].field")).isEqualTo(field);
        return answer;
    }

    /**
     * A body of exactly {@link #BODY_LIMIT} ({@code atLimit}, valid but for {@code field}) is read whole and validated:
     * one error on {@code field}, saying {@code message}; one byte more is a 413 before anything is read.
     */
    public static void bodyAtAndOverTheLimit(URI base, Actors actor, String path, String atLimit, String field,
                                             String message) throws IOException, InterruptedException {
        assertThat(atLimit.length()).isEqualTo(BODY_LIMIT);
        oneFieldError(post(base, actor, path, atLimit), field, message);
        problem(post(base, actor, path, atLimit.replace("{", "{ ")), 413);
    }
}
