package eu.taskforce.meeting.domain;

import eu.taskforce.contracts.meetings.DecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static eu.taskforce.contracts.meetings.DecisionThreshold.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The thresholds, counted over YES and NO votes (abstentions do not count; without a YES nothing is adopted). */
class DecisionTest {

    @ParameterizedTest(name = "{0}: {1} yes, {2} no -> {3}")
    @CsvSource({
            "SIMPLE_MAJORITY, 3, 2, ADOPTED",
            "SIMPLE_MAJORITY, 2, 2, REJECTED",
            "SIMPLE_MAJORITY, 1, 0, ADOPTED",
            "SIMPLE_MAJORITY, 0, 0, REJECTED",
            "TWO_THIRDS, 2, 1, ADOPTED",
            "TWO_THIRDS, 3, 2, REJECTED",
            "TWO_THIRDS, 20, 10, ADOPTED",
            "TWO_THIRDS, 19, 10, REJECTED",
            "TWO_THIRDS, 0, 0, REJECTED",
            "UNANIMITY, 5, 0, ADOPTED",
            "UNANIMITY, 5, 1, REJECTED",
            "UNANIMITY, 0, 0, REJECTED",
    })
    void theResultFollowsTheThreshold(String threshold, int yes, int no, DecisionResult expected) {
        assertThat(Decision.result(valueOf(threshold), yes, no)).isEqualTo(expected);
    }
}
