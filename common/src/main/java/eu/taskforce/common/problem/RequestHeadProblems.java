package eu.taskforce.common.problem;

import eu.taskforce.common.http.RequestHead;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the HTTP layer would refuse with a bare status and an empty body is answered with problem+json, before any
 * route, at the gateway and in every service (this jar is indexed): an address that is not a URI or holds malformed
 * percent-encoding ({@code ?cursor=%2}, {@code /documents/%/versions}; Quarkus's own check is off,
 * {@code -Dvertx.disableURIValidation=true}, set by the taskforce script, the Dockerfiles and the tests), an address
 * longer than {@code taskforce.http.max-uri-length} (414) and header fields over {@code taskforce.http.max-header-size}
 * (431). Vert.x's decoder limits are set above these two: a head beyond them still gets Vert.x's bare answer (no hook
 * for it in Quarkus, quarkusio/quarkus#55082). A path that fails the router's own decoding reaches the error handler.
 */
@ApplicationScoped
public class RequestHeadProblems {

    /** Before a service's body limit (platform's HttpLayerProblems, -3) and Quarkus's upload limit (-2). */
    public static final int ORDER = -4;
    /** Longer paths are not echoed back as the instance. */
    private static final int MAX_INSTANCE_LENGTH = 1000;

    private final int maxUriLength;
    private final long maxHeaderSize;

    public RequestHeadProblems(@ConfigProperty(name = "taskforce.http.max-uri-length") int maxUriLength,
                               @ConfigProperty(name = "taskforce.http.max-header-size") MemorySize maxHeaderSize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        // a path that cannot be decoded fails the routing itself, before any route (this one included) is tried
        router.errorHandler(400, context -> {
            if (!context.response().headWritten()) {
                badRequest(context, RequestHead.decodable(context.request().uri()) ? "The request cannot be read"
                        : RequestHead.UNREADABLE_ADDRESS);
            }
        });
    }

    void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            send(context, 414, "uri-too-long", "URI Too Long", RequestHead.uriTooLong(maxUriLength));
        } else if (RequestHead.headerBytes(context.request().headers()) > maxHeaderSize) {
            send(context, 431, "request-header-fields-too-large", "Request Header Fields Too Large",
                    RequestHead.headersTooLarge(maxHeaderSize));
        } else if (RequestHead.decodable(uri)) {
            context.next();
        } else {
            badRequest(context, RequestHead.UNREADABLE_ADDRESS);
        }
    }

    private static void badRequest(RoutingContext context, String detail) {
        send(context, 400, "bad-request", "Bad Request", detail);
    }

    /** With the path as its instance, unless it is too long to echo back. */
    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        String path = context.request().path();
        ProblemJson.send(context, status, slug, title, detail,
                path != null && path.length() <= MAX_INSTANCE_LENGTH ? path : null);
    }
}
