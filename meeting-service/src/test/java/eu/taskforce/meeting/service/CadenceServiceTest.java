package eu.taskforce.meeting.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The cadence's deadline arithmetic without a database: one plenary a year, and at risk within the warning window. */
class CadenceServiceTest {

    static final LocalDate CONSTITUTED = LocalDate.parse("2025-10-01");

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theDeadlineIsAYearAfterTheLastPlenaryHeld() {
        assertThat(CadenceService.deadline(CONSTITUTED, day("2026-03-10"), null, day("2026-03-11"), 60))
                .isEqualTo(new CadenceService.Deadline(day("2026-03-10"), day("2027-03-10"), 364, false, false));
    }

    @Test
    void withoutALaterPlenaryTheConstituentMeetingCounts() {
        assertThat(CadenceService.deadline(CONSTITUTED, null, null, day("2026-01-01"), 60))
                .isEqualTo(new CadenceService.Deadline(CONSTITUTED, day("2026-10-01"), 273, false, false));
        // a plenary on the constituent day itself, or before it, does not move the deadline
        assertThat(CadenceService.deadline(CONSTITUTED, CONSTITUTED, null, day("2026-01-01"), 60).lastHeldOn())
                .isEqualTo(CONSTITUTED);
        assertThat(CadenceService.deadline(CONSTITUTED, day("2025-09-30"), null, day("2026-01-01"), 60).lastHeldOn())
                .isEqualTo(CONSTITUTED);
    }

    @Test
    void atRiskFromTheFirstDayOfTheWarningWindowUnlessAPlenaryIsScheduledByTheDeadline() {
        // 60 days left with a window of 60: at risk; 61 left: not yet
        assertThat(CadenceService.deadline(CONSTITUTED, null, null, day("2026-08-02"), 60))
                .isEqualTo(new CadenceService.Deadline(CONSTITUTED, day("2026-10-01"), 60, false, true));
        assertThat(CadenceService.deadline(CONSTITUTED, null, null, day("2026-08-01"), 60).atRisk()).isFalse();
        // a plenary scheduled on the deadline day itself is in time; the day after is not
        assertThat(CadenceService.deadline(CONSTITUTED, null, day("2026-10-01"), day("2026-08-02"), 60))
                .isEqualTo(new CadenceService.Deadline(CONSTITUTED, day("2026-10-01"), 60, true, false));
        assertThat(CadenceService.deadline(CONSTITUTED, null, day("2026-10-02"), day("2026-08-02"), 60))
                .isEqualTo(new CadenceService.Deadline(CONSTITUTED, day("2026-10-01"), 60, false, true));
        // past the deadline: negative days left, at risk
        assertThat(CadenceService.deadline(CONSTITUTED, null, null, day("2026-10-03"), 60))
                .isEqualTo(new CadenceService.Deadline(CONSTITUTED, day("2026-10-01"), -2, false, true));
    }
}
