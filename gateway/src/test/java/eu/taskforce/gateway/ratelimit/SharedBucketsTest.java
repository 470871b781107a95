package eu.taskforce.gateway.ratelimit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateways' rate limiters, each with its own embedded Hazelcast member on a real port, joined in one cluster:
 * the limit holds across them (not twice), callers keep allowances of their own, and when one gateway stops, the
 * other goes on counting from where they were (the buckets have a backup on the other member).
 */
class SharedBucketsTest {

    private static final int LIMIT = 40;
    private static final List<String> MEMBERS = List.of("127.0.0.1:15701", "127.0.0.1:15702");

    private final List<RateLimiter> gateways = new ArrayList<>();

    private RateLimiter gateway(int port) {
        RateLimiter limiter = new RateLimiter(RateLimiterTest.config(
                Map.of("tight", RateLimiterTest.limit(LIMIT, Duration.ofMinutes(10))),
                RateLimiterTest.cluster(MEMBERS, port)), Clock.systemUTC());
        gateways.add(limiter);
        return limiter;
    }

    @AfterEach
    void stopGateways() {
        gateways.forEach(RateLimiter::close);
    }

    private static RateLimiter.Decision take(RateLimiter gateway, String caller) {
        return gateway.take("tight", caller).toCompletableFuture().join();
    }

    @Test
    void theLimitHoldsAcrossGatewaysAndSurvivesOneOfThem() {
        RateLimiter first = gateway(15701);
        RateLimiter second = gateway(15702);

        // a caller whose requests a load balancer spreads over both gateways, half of them at once
        List<CompletableFuture<RateLimiter.Decision>> taken = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            taken.add(first.take("tight", "sub:a").toCompletableFuture());
            taken.add(second.take("tight", "sub:a").toCompletableFuture());
        }
        long allowed = taken.stream().map(CompletableFuture::join).filter(RateLimiter.Decision::allowed).count();
        assertThat(allowed).as("requests allowed by two gateways together").isEqualTo(LIMIT);
        assertThat(take(first, "sub:a").allowed()).isFalse();
        assertThat(take(second, "sub:a").allowed()).isFalse();

        // another caller has an allowance of its own, counted on both gateways alike
        assertThat(take(first, "sub:b").remaining()).isEqualTo(LIMIT - 1);
        assertThat(take(second, "sub:b").remaining()).isEqualTo(LIMIT - 2);
        assertThat(take(first, "sub:b").remaining()).isEqualTo(LIMIT - 3);

        // one gateway stops: the other still knows both callers' counts
        first.close();
        gateways.remove(first);
        assertThat(take(second, "sub:a").allowed()).isFalse();
        assertThat(take(second, "sub:b").remaining()).isEqualTo(LIMIT - 4);
    }
}
