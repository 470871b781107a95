package eu.taskforce.common.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem+json answers given on the HTTP layer, before or outside any resource: the gateway's own answers and
 * a service's answers to a request it cannot route (the services' resources answer through platform's
 * {@code ProblemMappers}, with the same body). Never a stack trace: the detail says what the client can do, the log
 * line (with the request id) says the rest.
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:taskforce:problem:";

    /** Ends the request with the problem; the request's path is its instance. */
    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        send(context, status, slug, title, detail, context.request().path());
    }

    /** Ends the request with the problem; {@code instance} may be null (no such member then). */
    public static void send(RoutingContext context, int status, String slug, String title, String detail,
                            String instance) {
        if (context.response().headWritten()) {
            // the answer has begun (a stream cut halfway): all that is left is to end the connection
            context.response().reset();
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body(status, slug, title, detail, instance));
    }

    /** The body; {@code detail} and {@code instance} may be null (no such member then). */
    public static Buffer body(int status, String slug, String title, String detail, String instance) {
        JsonObject problem = new JsonObject()
                .put("type", TYPE_PREFIX + slug)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem.toBuffer();
    }

    private ProblemJson() {
    }
}
