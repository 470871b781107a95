package eu.taskforce.gateway.problem;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An address that is not a URI or holds malformed percent-encoding ({@code ?cursor=%2}, {@code /documents/%/versions})
 * is answered with problem+json, not a bare 400: Quarkus's own check of the URI, which answers with an empty body, is
 * off ({@code -Dvertx.disableURIValidation=true}, set by the taskforce script, the Dockerfile and the tests), and
 * the check is made here, before any route; a path that fails the router's own decoding reaches the error handler.
 */
@ApplicationScoped
public class MalformedRequests {

    static final String DETAIL = "The request's address cannot be read: it is not a URI, or holds malformed"
            + " percent-encoding (a % not followed by two hexadecimal digits)";

    void register(@Observes Router router) {
        router.route().order(-3).handler(this::check);
        router.errorHandler(400, context -> {
            if (!context.response().headWritten()) {
                Problems.send(context, 400, "bad-request", "Bad Request",
                        decodable(context.request().uri()) ? "The request cannot be read" : DETAIL);
            }
        });
    }

    void check(RoutingContext context) {
        if (decodable(context.request().uri())) {
            context.next();
        } else {
            Problems.send(context, 400, "bad-request", "Bad Request", DETAIL);
        }
    }

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
}
