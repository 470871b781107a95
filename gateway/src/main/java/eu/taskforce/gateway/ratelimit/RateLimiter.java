package eu.taskforce.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.taskforce.gateway.config.GatewayConfig;
import eu.taskforce.common.problem.ProblemJson;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Token buckets (Bucket4j) per rate-limit group and caller. Each bucket holds the group's limit and gets all of it
 * back at the end of each window. One gateway keeps them in a bounded cache: a bucket untouched for a whole window is
 * full again, so dropping it changes nothing. Several gateways share them ({@link SharedBuckets}), so that the limit
 * holds across them; when the shared bucket does not answer in time, the local one decides. Buckets and cache read
 * the time from the injected {@link Clock}, so that tests move time instead of waiting for it.
 */
@Startup
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long MAX_CALLERS = 200_000;

    private final Map<String, GatewayConfig.RateLimit> groups;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;
    private final Optional<SharedBuckets> shared;
    /** Whether the last shared take failed: said once when it starts failing and once when it works again. */
    private final AtomicBoolean sharedFailing = new AtomicBoolean();

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
        GatewayConfig.RateLimitCluster cluster = config.rateLimitCluster();
        boolean clustered = cluster.members().filter(members -> !members.isEmpty()).isPresent()
                || cluster.kubernetesServiceDns().isPresent();
        this.shared = clustered ? Optional.of(new SharedBuckets(cluster, time)) : Optional.empty();
    }

    @PreDestroy
    void close() {
        shared.ifPresent(SharedBuckets::close);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * Takes one request from the caller's allowance in the group and goes on with the request, or answers 429 (after
     * {@code onRejected}); the RateLimit headers go on either answer. With shared buckets the request waits for the
     * cluster's answer without holding the event loop.
     */
    public void apply(RoutingContext context, String group, String caller, Consumer<Decision> onRejected) {
        CompletableFuture<Decision> decided = take(group, caller).toCompletableFuture();
        if (decided.isDone()) {
            answer(context, decided.join(), onRejected);
            return;
        }
        // nothing of the body may be read (and lost) before the route that proxies it is reached
        context.request().pause();
        Context eventLoop = Vertx.currentContext();
        decided.thenAccept(decision -> eventLoop.runOnContext(ignored -> answer(context, decision, onRejected)));
    }

    private static void answer(RoutingContext context, Decision decision, Consumer<Decision> onRejected) {
        decision.headers().forEach(context.response()::putHeader);
        if (decision.allowed()) {
            context.next();
            return;
        }
        onRejected.accept(decision);
        context.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ProblemJson.send(context, 429, "rate-limited", "Too many requests",
                "More than " + decision.limit() + " requests in " + decision.windowSeconds()
                        + " s; try again in " + decision.retryAfterSeconds() + " s");
    }

    /** Takes one request from the caller's allowance in the group: from the shared bucket if there is one. */
    public CompletionStage<Decision> take(String group, String caller) {
        GatewayConfig.RateLimit limit = group(group);
        if (shared.isEmpty()) {
            return CompletableFuture.completedFuture(consume(group, caller));
        }
        return shared.get().take(group + '\n' + caller, configuration(limit))
                .handle((probe, failure) -> {
                    if (failure == null) {
                        if (sharedFailing.compareAndSet(true, false)) {
                            LOG.info("Shared rate-limit buckets answer again");
                        }
                        return decision(group, limit, probe);
                    }
                    if (sharedFailing.compareAndSet(false, true)) {
                        LOG.warnf("Shared rate-limit buckets do not answer (%s); this gateway counts alone until they do",
                                failure.toString());
                    }
                    return consume(group, caller);
                });
    }

    /** Takes one request from the caller's allowance in the group, in this gateway's own buckets. */
    public Decision consume(String group, String caller) {
        GatewayConfig.RateLimit limit = group(group);
        Bucket bucket = buckets.get(group + '\n' + caller, key -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(bandwidth -> bandwidth.capacity(limit.limit()).refillIntervally(limit.limit(), limit.window()))
                .build());
        return decision(group, limit, bucket.tryConsumeAndReturnRemaining(1));
    }

    private GatewayConfig.RateLimit group(String group) {
        GatewayConfig.RateLimit limit = groups.get(group);
        if (limit == null) {
            throw new IllegalStateException("No rate-limit group " + group + " (taskforce.gateway.rate-limits)");
        }
        return limit;
    }

    private static BucketConfiguration configuration(GatewayConfig.RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.limit()).refillIntervally(limit.limit(), limit.window()))
                .build();
    }

    private static Decision decision(String group, GatewayConfig.RateLimit limit, ConsumptionProbe probe) {
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
