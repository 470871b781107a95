package eu.taskforce.platform.problem;

import eu.taskforce.common.http.RequestHead;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;


/**
 * Answers with problem+json what the HTTP layer would refuse with a bare status and an empty body, before any route or
 * exception mapper runs: an address that is not a URI or holds malformed percent-encoding (Quarkus checks the URI
 * itself unless the JVM runs with {@code -Dvertx.disableURIValidation=true}, which the taskforce script, the
 * Dockerfiles and the tests set, so that the check is made here), an address longer than
 * {@code taskforce.http.max-uri-length} (414) or header fields over {@code taskforce.http.max-header-size} (431), and a
 * body whose Content-Length is over {@code quarkus.http.limits.max-body-size} (checked here just before Quarkus's own
 * check). Vert.x's decoder limits are set above the first two (microprofile-config.properties): a head beyond them is
 * still refused by Vert.x with a bare status, as Quarkus offers no hook for that answer (quarkusio/quarkus#55082).
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Just before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;
    /** Longer paths are not echoed back as the instance. */
    private static final int MAX_INSTANCE_LENGTH = 1000;

    private final long maxBodySize;
    private final int maxUriLength;
    private final long maxHeaderSize;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "taskforce.http.max-uri-length") int maxUriLength,
            @ConfigProperty(name = "taskforce.http.max-header-size") MemorySize maxHeaderSize) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
    }


    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        // a path that cannot be decoded fails the routing itself, before any route (this one included) is tried
        router.errorHandler(400, context -> send(context, 400, RequestHead.decodable(context.request().uri())
                ? "The request cannot be read" : RequestHead.UNREADABLE_ADDRESS, false));
    }

    void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > maxUriLength) {
            send(context, 414, RequestHead.uriTooLong(maxUriLength), false);
            return;
        }
        if (RequestHead.headerBytes(context.request().headers()) > maxHeaderSize) {
            send(context, 431, RequestHead.headersTooLarge(maxHeaderSize), false);
            return;
        }
        if (!RequestHead.decodable(context.request().uri())) {
            send(context, 400, RequestHead.UNREADABLE_ADDRESS, false);
            return;
        }
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            send(context, 413, "The request body is too large: at most " + maxBodySize + " bytes", true);
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

    private static void send(RoutingContext context, int status, String detail, boolean close) {
        if (context.response().headWritten()) {
            return;
        }
        // RFC 9110's names for 413 and 414, as the gateway and ProblemMappers call them (Netty's are the older ones)
        String title = switch (status) {
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"))
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        String path = context.request().path();
        if (path != null && path.length() <= MAX_INSTANCE_LENGTH) {
            problem.put("instance", path);
        }
        if (close) {
            // the body is not read: the connection cannot carry another request
            context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        }
        context.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.toBuffer());
    }
}
