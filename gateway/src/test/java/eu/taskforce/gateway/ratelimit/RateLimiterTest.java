package eu.taskforce.gateway.ratelimit;

import eu.taskforce.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The buckets without a server, on a clock the test moves: allowances, keys, windows and the headers they give. */
class RateLimiterTest {

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-30T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static GatewayConfig.RateLimit limit(long requests, Duration window) {
        return new GatewayConfig.RateLimit() {
            @Override
            public long limit() {
                return requests;
            }

            @Override
            public Duration window() {
                return window;
            }
        };
    }

    final TestClock clock = new TestClock();
    final RateLimiter limiter = new RateLimiter(config(Map.of("tight", limit(3, Duration.ofSeconds(2)),
            "slow", limit(2, Duration.ofMinutes(1))), cluster(List.of(), 0)), clock);

    /** A configuration with these groups and this cluster (no members: each gateway counts alone). */
    static GatewayConfig config(Map<String, GatewayConfig.RateLimit> groups, GatewayConfig.RateLimitCluster cluster) {
        return (GatewayConfig) Proxy.newProxyInstance(RateLimiterTest.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "rateLimits" -> groups;
                    case "rateLimitCluster" -> cluster;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static GatewayConfig.RateLimitCluster cluster(List<String> members, int port) {
        return (GatewayConfig.RateLimitCluster) Proxy.newProxyInstance(RateLimiterTest.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.RateLimitCluster.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "members" -> members.isEmpty() ? Optional.empty() : Optional.of(members);
                    case "kubernetesServiceDns" -> Optional.empty();
                    case "host" -> "127.0.0.1";
                    case "port" -> port;
                    case "name" -> "taskforce-gateway-test";
                    case "timeout" -> Duration.ofSeconds(5);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCallerHasTheLimitPerWindowAndGetsItAllBackAtTheEnd() {
        RateLimiter.Decision first = limiter.consume("tight", "sub:a");
        assertThat(first).isEqualTo(new RateLimiter.Decision("tight", 3, 2, true, 2, 2, 0));
        assertThat(limiter.consume("tight", "sub:a")).isEqualTo(new RateLimiter.Decision("tight", 3, 2, true, 1, 2, 0));
        assertThat(limiter.consume("tight", "sub:a")).isEqualTo(new RateLimiter.Decision("tight", 3, 2, true, 0, 2, 0));
        assertThat(limiter.consume("tight", "sub:a")).isEqualTo(new RateLimiter.Decision("tight", 3, 2, false, 0, 2, 2));

        clock.now = clock.now.plusMillis(1500);
        // half a second left: rounded up to a whole second, never 0
        assertThat(limiter.consume("tight", "sub:a")).isEqualTo(new RateLimiter.Decision("tight", 3, 2, false, 0, 1, 1));
        clock.now = clock.now.plusMillis(500);
        assertThat(limiter.consume("tight", "sub:a")).isEqualTo(new RateLimiter.Decision("tight", 3, 2, true, 2, 2, 0));
    }

    @Test
    void callersAndGroupsHaveAllowancesOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.consume("tight", "sub:a");
        }
        assertThat(limiter.consume("tight", "sub:a").allowed()).isFalse();
        assertThat(limiter.consume("tight", "sub:b").remaining()).isEqualTo(2);
        assertThat(limiter.consume("tight", "address:192.0.2.1").remaining()).isEqualTo(2);
        assertThat(limiter.consume("slow", "sub:a")).isEqualTo(new RateLimiter.Decision("slow", 2, 60, true, 1, 60, 0));
    }

    @Test
    void aLongerWindowGivesTheAllowanceBackOnlyAtItsEnd() {
        limiter.consume("slow", "sub:a");
        limiter.consume("slow", "sub:a");
        assertThat(limiter.consume("slow", "sub:a").allowed()).isFalse();
        clock.now = clock.now.plusSeconds(59);
        assertThat(limiter.consume("slow", "sub:a")).isEqualTo(new RateLimiter.Decision("slow", 2, 60, false, 0, 1, 1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.consume("slow", "sub:a").remaining()).isEqualTo(1);
    }

    @Test
    void anUnknownGroupIsAConfigurationError() {
        assertThatThrownBy(() -> limiter.consume("nowhere", "sub:a")).isInstanceOf(IllegalStateException.class)
                .hasMessage("No rate-limit group nowhere (taskforce.gateway.rate-limits)");
    }

    @Test
    void theHeadersTellPolicyRemainingAndReset() {
        assertThat(new RateLimiter.Decision("tight", 3, 2, true, 1, 2, 0).headers()).isEqualTo(Map.of(
                "RateLimit-Policy", "\"tight\";q=3;w=2",
                "RateLimit", "\"tight\";r=1;t=2",
                "RateLimit-Limit", "3",
                "RateLimit-Remaining", "1",
                "RateLimit-Reset", "2"));
    }
}
