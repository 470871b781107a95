package eu.taskforce.platform.metrics;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus/alerts.yml parses, every rule is complete, and its expressions name only metrics that the
 * processes serve (the list below; ServiceMetricsTest and the gateway's MetricsTest read several of them from the
 * endpoints). A renamed metric fails here instead of leaving an alert that can never fire.
 */
class AlertRulesTest {

    private static final Path RULES = Path.of("..", "deploy", "prometheus", "alerts.yml");

    /** Prometheus names of the metrics served (Micrometer adds _seconds, _total, _count, _bucket). */
    static final Set<String> SERVED = Set.of(
            "taskforce_outbox_pending",                      // platform OutboxRelay
            "taskforce_outbox_oldest_age_seconds",           // platform OutboxRelay
            "taskforce_consumer_dead_letters_total",         // platform DeadLetterUnlessTransient
            "kafka_consumer_fetch_manager_records_lag",      // Kafka client metrics (quarkus-micrometer's Kafka binder)
            "kafka_consumer_fetch_manager_records_lag_max",
            "taskforce_register_lag",                        // transparency Lag
            "taskforce_register_log_entries",                // transparency RegisterMetrics
            "taskforce_register_unsigned_entries",
            "taskforce_register_head_age_seconds",
            "taskforce_gateway_requests_seconds_count",      // gateway GatewayMetrics
            "taskforce_gateway_requests_seconds_bucket",
            "taskforce_gateway_requests_seconds_sum",
            "taskforce_gateway_rate_limited_total",
            "taskforce_gateway_circuit_state");

    private static final Pattern METRIC = Pattern.compile("\\b((?:taskforce|kafka)_[a-z_]+)\\b");

    @Test
    void everyRuleIsCompleteAndNamesServedMetrics() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : list(document.get("groups"))) {
            assertThat(group.get("name")).isInstanceOf(String.class);
            rules.addAll(list(group.get("rules")));
        }
        assertThat(rules).extracting(rule -> rule.get("alert"))
                .contains("OutboxEventsWaiting", "ConsumerLagGrowing", "GatewayServerErrors", "DeadLettersGrowing",
                        "RegisterHeadSigningStalled")
                .doesNotHaveDuplicates();
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(rule.get("expr")).as("expr of %s", name).isInstanceOf(String.class);
            assertThat(String.valueOf(rule.get("for"))).as("for of %s", name).matches("\\d+[smh]");
            assertThat(map(rule.get("labels")).get("severity")).as("severity of %s", name).isIn("warning", "critical");
            assertThat(map(rule.get("annotations")).get("summary")).as("summary of %s", name).isInstanceOf(String.class);
            Matcher metric = METRIC.matcher((String) rule.get("expr"));
            boolean namesOne = false;
            while (metric.find()) {
                namesOne = true;
                assertThat(SERVED).as("metric %s in %s", metric.group(1), name).contains(metric.group(1));
            }
            assertThat(namesOne).as("%s names a metric", name).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
