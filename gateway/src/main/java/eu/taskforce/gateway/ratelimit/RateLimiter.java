package eu.taskforce.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.taskforce.gateway.config.GatewayConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per rate-limit group and caller. Each bucket holds the group's limit and gets all of it
 * back at the end of each window. The buckets live in a bounded cache: a bucket untouched for a whole window is full
 * again, so dropping it changes nothing. Buckets and cache read the time from the injected {@link Clock}, so that tests
 * move time instead of waiting for it.
 */
@ApplicationScoped
public class RateLimiter {

    private static final long MAX_CALLERS = 200_000;

    private final Map<String, GatewayConfig.RateLimit> groups;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    public RateLimiter(GatewayConfig config, Clock clock) {
        this.groups = config.rateLimits();
        Duration longest = groups.values().stream().map(GatewayConfig.RateLimit::window)
                .max(Comparator.naturalOrder()).orElse(Duration.ofMinutes(1));
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS).expireAfterAccess(longest)
                .ticker(time::currentTimeNanos).build();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Takes one request from the caller's allowance in the group. */
    public Decision consume(String group, String caller) {
        GatewayConfig.RateLimit limit = groups.get(group);
        if (limit == null) {
            throw new IllegalStateException("No rate-limit group " + group + " (taskforce.gateway.rate-limits)");
        }
        Bucket bucket = buckets.get(group + '\n' + caller, key -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(bandwidth -> bandwidth.capacity(limit.limit()).refillIntervally(limit.limit(), limit.window()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(group, limit.limit(), limit.window().toSeconds(), probe.isConsumed(),
                probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * @param resetSeconds      seconds until the whole allowance is back
     * @param retryAfterSeconds when rejected: seconds until the next request may pass
     */
    public record Decision(String group, long limit, long windowSeconds, boolean allowed, long remaining,
                           long resetSeconds, long retryAfterSeconds) {

        /**
         * RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers, current structured form) and the
         * RateLimit-Limit/-Remaining/-Reset triple of its earlier drafts, which most client libraries read.
         */
        public Map<String, String> headers() {
            return Map.of(
                    "RateLimit-Policy", "\"" + group + "\";q=" + limit + ";w=" + windowSeconds,
                    "RateLimit", "\"" + group + "\";r=" + remaining + ";t=" + resetSeconds,
                    "RateLimit-Limit", Long.toString(limit),
                    "RateLimit-Remaining", Long.toString(remaining),
                    "RateLimit-Reset", Long.toString(resetSeconds));
        }
    }
}
