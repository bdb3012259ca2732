package io.tickscope.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntendedScheduleTest {

    private static final long START = 5_000_000_000L;
    private static final long MILLI = 1_000_000;

    @Test
    void callsFallDueOnTheRateGridFromTheStart() {
        IntendedSchedule schedule = new IntendedSchedule(START, 1_000);

        assertThat(schedule.intendedNanos(0)).isEqualTo(START);
        assertThat(schedule.intendedNanos(5)).isEqualTo(START + 5 * MILLI);
        assertThat(schedule.dueBy(START - 1)).isZero();
        assertThat(schedule.dueBy(START)).isEqualTo(1);
        assertThat(schedule.dueBy(START + MILLI - 1)).isEqualTo(1);
        assertThat(schedule.dueBy(START + MILLI)).isEqualTo(2);
    }

    @Test
    void aSenderThatWakesLateOwesEveryCallItMissedEachAtItsOwnIntendedTime() {
        IntendedSchedule schedule = new IntendedSchedule(START, 1_000);

        // The sender was stalled for 10 ms: eleven calls are due, and none of them moves to the time it is sent.
        assertThat(schedule.dueBy(START + 10 * MILLI + 1)).isEqualTo(11);
        assertThat(schedule.intendedNanos(3)).isEqualTo(START + 3 * MILLI);
    }

    @Test
    void callsDueAgreeWithIntendedTimesAtRatesThatDoNotDivideASecond() {
        IntendedSchedule schedule = new IntendedSchedule(START, 7_919);

        for (long index = 0; index < 10_000; index++) {
            long intended = schedule.intendedNanos(index);
            assertThat(schedule.dueBy(intended)).isEqualTo(index + 1);
            assertThat(schedule.dueBy(intended - 1)).isLessThanOrEqualTo(index);
        }
    }

    @Test
    void rejectsARateThatIsNotPositive() {
        assertThatThrownBy(() -> new IntendedSchedule(START, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callsPerSecond: 0.0 (expected: > 0)");
        assertThatThrownBy(() -> new IntendedSchedule(START, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
