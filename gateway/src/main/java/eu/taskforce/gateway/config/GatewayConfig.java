package eu.taskforce.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.util.Map;

@ConfigMapping(prefix = "taskforce.gateway")
public interface GatewayConfig {

    /** The routes by name: a path prefix and the service behind it. */
    Map<String, Route> routes();

    interface Route {
        /** The path prefix, for example {@code /api/v1/membership}. */
        String prefix();

        /** The base address of the service, for example {@code http://127.0.0.1:8081}. */
        URI upstream();

        /** Whether the route is open to anonymous callers (the public register). */
        @WithName("public")
        @WithDefault("false")
        boolean isPublic();
    }
}
