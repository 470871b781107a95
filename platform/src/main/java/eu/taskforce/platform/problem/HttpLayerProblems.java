package eu.taskforce.platform.problem;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Answers with problem+json what the HTTP layer would refuse with a bare status and an empty body, before any route or
 * exception mapper runs: an address that is not a URI or holds malformed percent-encoding (Quarkus checks the URI
 * itself unless the JVM runs with {@code -Dvertx.disableURIValidation=true}, which the taskforce script, the
 * Dockerfiles and the tests set, so that the check is made here), and a body whose Content-Length is over
 * {@code quarkus.http.limits.max-body-size} (checked here just before Quarkus's own check).
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Just before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;
    /** Longer paths are not echoed back as the instance. */
    private static final int MAX_INSTANCE_LENGTH = 1000;

    private final long maxBodySize;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    static final String UNREADABLE_ADDRESS = "The request's address cannot be read: it is not a URI, or holds"
            + " malformed percent-encoding (a % not followed by two hexadecimal digits)";

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        // a path that cannot be decoded fails the routing itself, before any route (this one included) is tried
        router.errorHandler(400, context -> send(context, 400, decodable(context.request().uri())
                ? "The request cannot be read" : UNREADABLE_ADDRESS, false));
    }

    void check(RoutingContext context) {
        if (!decodable(context.request().uri())) {
            send(context, 400, UNREADABLE_ADDRESS, false);
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

    /** A URI, whose path and query decode (Vert.x and the REST layer decode both). */
    static boolean decodable(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            URLDecoder.decode(uri, StandardCharsets.UTF_8);
            return true;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void send(RoutingContext context, int status, String detail, boolean close) {
        if (context.response().headWritten()) {
            return;
        }
        // RFC 9110's name for 413, as the gateway and ProblemMappers call it (Netty's is the older one)
        String title = status == 413 ? "Payload Too Large" : HttpResponseStatus.valueOf(status).reasonPhrase();
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
