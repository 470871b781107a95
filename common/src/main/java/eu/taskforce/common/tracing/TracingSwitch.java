package eu.taskforce.common.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Tracing is on only where the spans go somewhere: {@code quarkus.otel.sdk.disabled} is true unless
 * {@code TASKFORCE_OTLP_ENDPOINT} (or {@code -Dtaskforce.otlp.endpoint}) names a collector, so that a process nobody
 * traces makes no spans at all (the gateway measured 4-15 % faster without them, bench/tracing.sh). With the SDK off,
 * no {@code traceparent} is passed on and log lines carry the request id only. The ordinal is below the configuration
 * files', so that one of them may still decide (the module tests turn the SDK on to read their spans in memory).
 */
public class TracingSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SDK_DISABLED, disabled(System.getenv("TASKFORCE_OTLP_ENDPOINT"),
                System.getProperty(OtlpExport.ENDPOINT)));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public String getValue(String propertyName) {
        return SDK_DISABLED.equals(propertyName) ? getProperties().get(SDK_DISABLED) : null;
    }

    @Override
    public String getName() {
        return "taskforce-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    /** "true" (no spans) unless one of the endpoints names a collector. */
    static String disabled(String environment, String systemProperty) {
        boolean configured = (environment != null && !environment.isBlank())
                || (systemProperty != null && !systemProperty.isBlank());
        return Boolean.toString(!configured);
    }
}
