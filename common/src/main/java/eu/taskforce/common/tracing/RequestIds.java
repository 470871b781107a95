package eu.taskforce.common.tracing;

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
 * Gives every request an {@code X-Request-Id} before anything else runs: the caller's (at the gateway) or the
 * gateway's (at a service) when it is a sane one, a new one otherwise. It is set on the request's headers (which the
 * gateway's proxy forwards and the access log reads), echoed on every answer (a CORS preflight, a 401, a 429 too) so
 * that a caller can quote it, and put in the MDC, so every log line of the request names it. The trace is
 * OpenTelemetry's (quarkus-opentelemetry continues a valid {@code traceparent} and puts {@code traceId} and
 * {@code spanId} in the MDC itself). The path and query are kept for the access log with their secrets redacted, so
 * that no log pattern needs {@code %r}. This jar is indexed: the gateway and every service get this filter.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** MDC keys, named in quarkus.log.console.format; OpenTelemetry's are traceId and spanId. */
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    /** Before CORS (300) and authentication (200): those may answer on their own, and their answers and logs need it. */
    static final int PRIORITY = 400;

    // an id is copied into log lines and headers: no spaces, quotes or control characters
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::name, PRIORITY);
    }

    static void name(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(HEADER);
        if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
            requestId = randomUuid();
            request.headers().set(HEADER, requestId);
        }
        context.response().putHeader(HEADER, requestId);
        // Quarkus keeps the MDC in the request's (duplicated) Vert.x context: it follows the request's callbacks and
        // the worker thread that runs a resource
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
