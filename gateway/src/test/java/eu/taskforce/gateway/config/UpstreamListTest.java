package eu.taskforce.gateway.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A route's upstream: one URL as before, a comma-separated list, or an indexed list (unit test of the mapping). */
class UpstreamListTest {

    @Test
    void oneUrlACommaSeparatedListOrAnIndexedList() {
        GatewayConfig config = config(Map.of(
                "taskforce.gateway.routes.one.prefix", "/api/v1/one",
                "taskforce.gateway.routes.one.upstream", "http://127.0.0.1:8081",
                "taskforce.gateway.routes.listed.prefix", "/api/v1/listed",
                "taskforce.gateway.routes.listed.upstream", "http://10.0.0.5:8081, http://10.0.0.6:8081",
                "taskforce.gateway.routes.indexed.prefix", "/api/v1/indexed",
                "taskforce.gateway.routes.indexed.upstream[0]", "http://10.0.0.5:8082",
                "taskforce.gateway.routes.indexed.upstream[1]", "http://10.0.0.6:8082"));

        assertThat(config.routes().get("one").upstream()).containsExactly(URI.create("http://127.0.0.1:8081"));
        assertThat(config.routes().get("listed").upstream())
                .containsExactly(URI.create("http://10.0.0.5:8081"), URI.create("http://10.0.0.6:8081"));
        assertThat(config.routes().get("indexed").upstream())
                .containsExactly(URI.create("http://10.0.0.5:8082"), URI.create("http://10.0.0.6:8082"));
    }

    private static GatewayConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                // Quarkus's own spellings of durations (10s) and sizes (256K)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
