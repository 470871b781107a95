package eu.taskforce.platform.tracing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.MDC;

import java.util.Map;

/** Test-only: what a log line written by a resource method would name. */
@Path("/platform-test/log-context")
@Produces(MediaType.APPLICATION_JSON)
public class LogContextProbeResource {

    @GET
    public Map<String, String> logContext() {
        return Map.of("requestId", String.valueOf(MDC.get(RequestLogContext.MDC_REQUEST_ID)),
                "traceId", String.valueOf(MDC.get(RequestLogContext.MDC_TRACE_ID)));
    }
}
