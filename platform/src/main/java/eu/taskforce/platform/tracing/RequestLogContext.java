package eu.taskforce.platform.tracing;

import eu.taskforce.common.logging.SecretRedaction;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names the request in every log line the service writes for it: the gateway's {@code X-Request-Id}; a request that
 * did not come through the gateway gets an id of its own. The id is echoed on the response so that a caller can quote
 * it. The trace is OpenTelemetry's (quarkus-opentelemetry continues the {@code traceparent} the gateway sends and puts
 * {@code traceId} and {@code spanId} in the MDC itself). The path and query are kept for the access log (off unless a
 * service enables it) with their secrets redacted, so that no pattern needs {@code %r}.
 */
@ApplicationScoped
public class RequestLogContext {

    public static final String REQUEST_ID = "X-Request-Id";
    /** MDC keys, named in quarkus.log.console.format; OpenTelemetry's are traceId and spanId. */
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    // copied into log lines and headers: nothing but what an id needs
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    /** Before authentication (200): a 401 is logged with the id too. */
    static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(RequestLogContext::name, PRIORITY);
    }

    static void name(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        context.response().putHeader(REQUEST_ID, requestId);
        // Quarkus keeps the MDC in the request's (duplicated) Vert.x context: it follows the request to the worker
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
}
