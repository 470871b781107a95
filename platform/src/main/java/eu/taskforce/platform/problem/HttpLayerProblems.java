package eu.taskforce.platform.problem;

import eu.taskforce.common.problem.RequestHeadProblems;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers with problem+json a body whose Content-Length is over {@code quarkus.http.limits.max-body-size}, checked here
 * just before Quarkus's own check, which would answer with a bare 413. What the HTTP layer refuses in the request's
 * head (a malformed address, an address or header fields over their limits) is answered before this, by
 * {@link RequestHeadProblems} (module common), as at the gateway.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Just before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    private final long maxBodySize;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            // the body is not read: the connection cannot carry another request
            context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            RequestHeadProblems.send(context, 413, "payload-too-large", "Payload Too Large",
                    "The request body is too large: at most " + maxBodySize + " bytes");
            return;
        }
        context.next();
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
