package eu.taskforce.gateway.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C Trace Context (traceparent) for one hop through the gateway: the caller's trace continues with a span id of
 * the gateway's own, so that a service's log lines and spans hang below the gateway's; a request without a valid
 * traceparent starts a trace here.
 *
 * @param traceId  32 lower-case hex digits, the id of the whole trace
 * @param parentId 16 lower-case hex digits, the gateway's span, which the service sees as its parent
 * @param flags    2 hex digits (01: sampled)
 * @param continued whether the trace came from the caller
 */
public record TraceContext(String traceId, String parentId, String flags, boolean continued) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    /** The trace that the caller's traceparent names, with a new span of the gateway; a new trace otherwise. */
    public static TraceContext continueFrom(String traceparent) {
        if (traceparent != null) {
            var match = TRACEPARENT_FORMAT.matcher(traceparent.trim());
            // version ff is forbidden; a later version may add fields after the fourth (hence the optional tail)
            if (match.matches() && !"ff".equals(match.group(1)) && (match.group(5) == null || !"00".equals(match.group(1)))
                    && !ZERO_TRACE.equals(match.group(2)) && !ZERO_SPAN.equals(match.group(3))) {
                return new TraceContext(match.group(2), randomHex(8), match.group(4), true);
            }
        }
        return new TraceContext(randomHex(16), randomHex(8), "01", false);
    }

    /** The traceparent header that the service gets. */
    public String header() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    // ids, not secrets: a per-thread generator, never the shared, locking SecureRandom on an event loop
    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
