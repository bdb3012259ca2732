package io.tickscope.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void atMostIsMetAtTheLimitAndBelowIt() {
        assertThat(Target.ratio("1a", "size", 0.30, Comparison.AT_MOST, 0.30).met())
                .isTrue();
        assertThat(Target.ratio("1a", "size", 0.29, Comparison.AT_MOST, 0.30).met())
                .isTrue();
        assertThat(Target.ratio("1a", "size", 0.31, Comparison.AT_MOST, 0.30).met())
                .isFalse();
    }

    @Test
    void atLeastIsMetAtTheLimitAndAboveIt() {
        assertThat(Target.ratio("4", "batch", 50, Comparison.AT_LEAST, 50).met())
                .isTrue();
        assertThat(Target.ratio("4", "batch", 51, Comparison.AT_LEAST, 50).met())
                .isTrue();
        assertThat(Target.ratio("4", "batch", 49.9, Comparison.AT_LEAST, 50).met())
                .isFalse();
    }

    @Test
    void figureThatCouldNotBeMeasuredMeetsNoTarget() {
        assertThat(Target.ratio("5a", "throughput", Double.NaN, Comparison.AT_LEAST, 1)
                        .met())
                .isFalse();
        assertThat(Target.ratio("5b", "p50", Double.NaN, Comparison.AT_MOST, 1.05)
                        .met())
                .isFalse();
    }

    @Test
    void reportCountsTheTargetsMet() {
        Report report = new Report(
                ConditionsTest.sample(),
                java.util.List.of(),
                java.util.List.of(
                        Target.ratio("1a", "size", 0.2, Comparison.AT_MOST, 0.3),
                        Target.ratio("2", "bytes", 0.4, Comparison.AT_MOST, 0.3),
                        new Target("7", "push", 600_000, Comparison.AT_LEAST, 500_000, Units.UPDATES_PER_SECOND)),
                java.util.List.of());

        assertThat(report.targetsMet()).isEqualTo(2);
    }
}
