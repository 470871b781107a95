package eu.taskforce.gateway.tracing;

import eu.taskforce.common.logging.SecretRedaction;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an X-Request-Id (the caller's, when it is a sane one) before anything else runs, so that every
 * answer (a CORS preflight, a 401, a 429 too) carries the id and every log line of the request names it. It is set on
 * the request's headers, which the proxy forwards and the access log reads. The trace is OpenTelemetry's
 * (quarkus-opentelemetry): the server span continues a valid caller's {@code traceparent} or starts a trace, puts
 * {@code traceId} and {@code spanId} in the MDC, and the client span of the call to the service sends its own
 * {@code traceparent}. The access log reads the request's path and query from here too, with their secrets redacted.
 */
@ApplicationScoped
public class RequestTracing {

    public static final String REQUEST_ID = "X-Request-Id";
    /** MDC keys, named in quarkus.log.console.format. */
    public static final String MDC_REQUEST_ID = "requestId";

    /** Before CORS (300) and authentication (200): those may answer on their own. */
    static final int PRIORITY = 400;

    // an id is copied into log lines and headers: no spaces, quotes or control characters
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestTracing::trace, PRIORITY);
    }

    static void trace(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
            requestId = randomUuid();
            request.headers().set(REQUEST_ID, requestId);
        }
        context.response().putHeader(REQUEST_ID, requestId);
        // Quarkus keeps the MDC in the request's (duplicated) Vert.x context: it follows the request's callbacks
        MDC.put(MDC_REQUEST_ID, requestId);
        context.put(SecretRedaction.LOGGED_URI, SecretRedaction.uri(path(context), request.query()));
        context.next();
    }

    /** The path as routed (dot segments resolved, so that no spelling hides a secret path); as sent if malformed. */
    private static String path(RoutingContext context) {
        try {
            return context.normalizedPath();
        } catch (IllegalArgumentException malformed) {
            return context.request().path();
        }
    }

    /** A version-4 UUID from a per-thread generator: UUID.randomUUID() locks the shared SecureRandom. */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
