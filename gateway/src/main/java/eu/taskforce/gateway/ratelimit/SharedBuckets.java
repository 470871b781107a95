package eu.taskforce.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import eu.taskforce.gateway.config.GatewayConfig;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The gateways' buckets, shared: an embedded Hazelcast member in each gateway, the members named in
 * {@code taskforce.gateway.rate-limit-cluster.members}, and Bucket4j's Hazelcast backend over one distributed map. A
 * caller's bucket lives on one member (and its backup on another, so a gateway that dies loses no count); every
 * gateway takes from it atomically with an entry processor, so N gateways allow the limit once, not N times.
 * No other server to run, and the gateway stays free of database and Kafka.
 */
final class SharedBuckets implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    private static final String MAP = "taskforce-rate-limits";
    /** Above Hazelcast's own serializer ids; Bucket4j registers its serializers from here on. */
    private static final int SERIALIZER_TYPE_ID_BASE = 10_000;

    private final HazelcastInstance member;
    private final AsyncProxyManager<String> buckets;
    /** The callers' bucket proxies: bounded, and dropped once unused (the buckets themselves live in the cluster). */
    private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    SharedBuckets(GatewayConfig.RateLimitCluster cluster, TimeMeter time) {
        this.member = Hazelcast.newHazelcastInstance(config(cluster));
        this.member.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                LOG.infof("Rate-limit cluster: %d gateways (%s joined)", event.getMembers().size(),
                        event.getMember().getAddress());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                LOG.warnf("Rate-limit cluster: %d gateways (%s left)", event.getMembers().size(),
                        event.getMember().getAddress());
            }
        });
        HazelcastProxyManager<String> proxies = Bucket4jHazelcast.<String>entryProcessorBasedBuilder(member.getMap(MAP))
                .clientClock(time)
                .requestTimeout(cluster.timeout())
                // a bucket left alone until it is full again is the same as no bucket: dropped from the map
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.buckets = proxies.asAsync();
        LOG.infof("Rate-limit buckets shared with the gateways at %s (this one %s:%d, %d gateways now)",
                cluster.kubernetesServiceDns().orElseGet(() -> String.join(",", cluster.members().orElseThrow())),
                cluster.host(), cluster.port(), member.getCluster().getMembers().size());
    }

    private static Config config(GatewayConfig.RateLimitCluster cluster) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // Quarkus stops the member itself (close), after the last request
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // bind only the configured address, never every interface
        config.setProperty("hazelcast.socket.bind.any", "false");
        // gateways that started apart (each its own cluster first) merge within seconds, not minutes
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        // a gateway starts in a second or two whether or not the others are up yet
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(false)
                .setPublicAddress(cluster.host() + ":" + cluster.port());
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(cluster.host());
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        cluster.kubernetesServiceDns().ifPresentOrElse(
                serviceDns -> join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", serviceDns),
                () -> join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members().orElseThrow())
                        .setConnectionTimeoutSeconds(1));
        config.addMapConfig(new MapConfig(MAP).setBackupCount(1));
        HazelcastProxyManager.addCustomSerializers(config.getSerializationConfig(), SERIALIZER_TYPE_ID_BASE);
        return config;
    }

    /**
     * Takes one token from the caller's shared bucket; completes on a Hazelcast thread. A caller's proxy is kept, so
     * that its requests at the same moment go to the cluster as one batch (exact, only fewer calls).
     */
    CompletableFuture<ConsumptionProbe> take(String key, BucketConfiguration configuration) {
        return proxies.get(key, k -> buckets.builder().withOptimization(Optimizations.batching())
                        .build(k, () -> CompletableFuture.completedFuture(configuration)))
                .tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void close() {
        member.shutdown();
    }
}
