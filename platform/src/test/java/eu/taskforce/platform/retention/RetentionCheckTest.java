package eu.taskforce.platform.retention;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that cannot run as configured fails the start of the service, not its first purge an hour later. */
class RetentionCheckTest {

    static Retention retention(Map<String, String> properties, RetentionRule... rules) {
        return new Retention(null, List.of(rules),
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build(),
                new SimpleMeterRegistry(), 10);
    }

    @Test
    void aPeriodIsAnIsoDurationNamedAfterItsRule() {
        Retention retention = retention(Map.of("taskforce.retention.kept-a-month", "P30D"),
                RetentionRule.of("kept-a-month", "delete ..."));
        retention.check(null);
        assertThat(retention.period("kept-a-month")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aRuleWithoutAPeriodFailsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> retention(Map.of(), RetentionRule.of("forgotten", "delete ...")).check(null))
                .hasMessageContaining("taskforce.retention.forgotten");
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> retention(Map.of("taskforce.retention.none", "PT0S"),
                RetentionRule.of("none", "delete ...")).check(null))
                .hasMessageContaining("taskforce.retention.none must be a positive duration");
    }

    @Test
    void ruleNamesAreUniqueAndNeverASettingsName() {
        Map<String, String> periods = Map.of("taskforce.retention.twice", "P1D", "taskforce.retention.interval", "P1D");
        assertThatThrownBy(() -> retention(periods, RetentionRule.of("twice", "delete ..."),
                RetentionRule.of("twice", "update ...")).check(null))
                .hasMessageContaining("Two retention rules are named twice");
        assertThatThrownBy(() -> retention(periods, RetentionRule.of("interval", "delete ...")).check(null))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> retention(periods, RetentionRule.of("Not_Dashed", "delete ...")).check(null))
                .hasMessageContaining("Not_Dashed");
    }
}
