package eu.taskforce.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem+json answers that the gateway gives itself (the services give their own). Never a stack trace:
 * the detail says what the client can do, the log line (with the request id) says the rest.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:taskforce:problem:";

    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        if (context.response().headWritten()) {
            // the answer has begun (a stream cut halfway): all that is left is to end the connection
            context.response().reset();
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body(status, slug, title, detail, context.request().path()));
    }

    public static Buffer body(int status, String slug, String title, String detail, String instance) {
        JsonObject problem = new JsonObject()
                .put("type", TYPE_PREFIX + slug)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        return problem.put("instance", instance).toBuffer();
    }

    private Problems() {
    }
}
