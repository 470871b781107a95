package eu.taskforce.gateway.routing;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem+json answers that the gateway gives itself (the services give their own). */
final class Problems {

    static void send(RoutingContext context, int status, String slug, String title, String detail) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "urn:taskforce:problem:" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", context.request().path());
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(problem.encode());
    }

    private Problems() {
    }
}
