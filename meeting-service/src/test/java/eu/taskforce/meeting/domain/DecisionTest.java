package eu.taskforce.meeting.domain;

import eu.taskforce.contracts.meetings.DecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static eu.taskforce.contracts.meetings.DecisionThreshold.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quorum, counted over everyone who took part (abstentions included), then the threshold, counted over YES and NO
 * votes (abstentions do not count; without a YES nothing is adopted).
 */
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
    void theResultFollowsTheThresholdOnceTheQuorumIsMet(String threshold, int yes, int no, DecisionResult expected) {
        // a quorum of 1 percent of as many organisations as voted YES or NO (or one, when none did) is always met
        assertThat(Decision.result(valueOf(threshold), 1, Math.max(1, yes + no), yes, no, 1)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {5}, quorum {4}%: {1} yes, {2} no, {3} abstain -> {6}")
    @CsvSource({
            // one YES of 25 members, nobody else voting: no quorum even under unanimity
            "UNANIMITY, 1, 0, 0, 50, 25, NO_QUORUM",
            // exactly the quorum: 12.5 organisations are half of 25, so 13 take part
            "SIMPLE_MAJORITY, 7, 5, 0, 50, 25, NO_QUORUM",
            "SIMPLE_MAJORITY, 7, 5, 1, 50, 25, ADOPTED",
            "SIMPLE_MAJORITY, 10, 9, 0, 80, 25, NO_QUORUM",
            "SIMPLE_MAJORITY, 10, 9, 1, 80, 25, ADOPTED",
            "SIMPLE_MAJORITY, 10, 10, 0, 80, 25, REJECTED",
            // abstentions count towards the quorum, not the majority
            "TWO_THIRDS, 2, 1, 10, 50, 25, ADOPTED",
            "TWO_THIRDS, 0, 0, 13, 50, 25, REJECTED",
            "UNANIMITY, 4, 0, 0, 100, 4, ADOPTED",
            "UNANIMITY, 3, 0, 0, 100, 4, NO_QUORUM",
            // no member organisation at closing: nobody could take part
            "SIMPLE_MAJORITY, 0, 0, 0, 1, 0, NO_QUORUM",
    })
    void tooFewParticipantsIsNoQuorum(String threshold, int yes, int no, int abstain, int quorum, int eligible,
                                      DecisionResult expected) {
        assertThat(Decision.result(valueOf(threshold), quorum, eligible, yes, no, abstain)).isEqualTo(expected);
    }
}
