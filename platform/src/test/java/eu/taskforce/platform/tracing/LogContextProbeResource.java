package eu.taskforce.platform.tracing;

import eu.taskforce.common.tracing.RequestIds;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.platform.outbox.Outbox;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.MDC;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Test-only: what a log line written by a resource method would name; and an event recorded in a request. */
@Path("/platform-test/log-context")
@Produces(MediaType.APPLICATION_JSON)
public class LogContextProbeResource {

    private final Outbox outbox;

    public LogContextProbeResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    public Map<String, String> logContext() {
        return Map.of("requestId", String.valueOf(MDC.get(RequestIds.MDC_REQUEST_ID)),
                "traceId", String.valueOf(MDC.get(RequestIds.MDC_TRACE_ID)),
                "spanId", String.valueOf(MDC.get(RequestIds.MDC_SPAN_ID)));
    }

    @POST
    @Path("/events/{aggregate}")
    @Transactional
    public Map<String, String> recordEvent(@PathParam("aggregate") UUID aggregate) {
        UUID id = outbox.add(EventTypes.MEMBERSHIP_STARTED, aggregate,
                new MembershipStarted(aggregate, UUID.randomUUID(), "Traced", LocalDate.of(2025, 9, 1)));
        return Map.of("eventId", id.toString(), "traceId", String.valueOf(MDC.get(RequestIds.MDC_TRACE_ID)));
    }
}
