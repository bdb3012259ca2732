package io.tickscope.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {

    private final Results results = new Results();

    @Test
    void aFigureMeasuredInSeveralRoundsShowsTheirMedianAndSpread() {
        results.add("Push", "updates/s", 300, Units.UPDATES_PER_SECOND);
        results.add("Push", "updates/s", 100, Units.UPDATES_PER_SECOND);
        results.add("Push", "updates/s", 200, Units.UPDATES_PER_SECOND);

        assertThat(results.measurements()).singleElement().satisfies(measurement -> {
            assertThat(measurement.value()).isEqualTo(200);
            assertThat(measurement.spread()).isEqualTo(new Spread(100, 200, 300, 3));
        });
        assertThat(ReportTable.render(new Report(
                        ConditionsTest.sample(), results.measurements(), results.targets(), java.util.List.of())))
                .contains("200 updates/s   (3 rounds: 100 to 300)");
    }

    @Test
    void aTargetIsJudgedOnTheMedianOfItsRoundsNotOnOneLuckyOrUnluckyRound() {
        results.add(Target.ratio("4", "batch", 55, Comparison.AT_LEAST, 50));
        results.add(Target.ratio("4", "batch", 30, Comparison.AT_LEAST, 50));
        results.add(Target.ratio("4", "batch", 40, Comparison.AT_LEAST, 50));
        results.add(Target.ratio("9", "tail", 8, Comparison.AT_MOST, 10));
        results.add(Target.ratio("9", "tail", 81, Comparison.AT_MOST, 10));
        results.add(Target.ratio("9", "tail", 9, Comparison.AT_MOST, 10));

        assertThat(results.targets())
                .satisfiesExactly(
                        batch -> {
                            assertThat(batch.measured()).isEqualTo(40);
                            assertThat(batch.spread()).isEqualTo(new Spread(30, 40, 55, 3));
                            assertThat(batch.met()).isFalse();
                        },
                        tail -> {
                            assertThat(tail.measured()).isEqualTo(9);
                            assertThat(tail.met()).isTrue();
                        });
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMeanOfTheMiddleTwoAndRoundsThatFailedAreLeftOut() {
        assertThat(Spread.of(java.util.List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(1, 2.5, 4, 4));
        assertThat(Spread.of(java.util.List.of(Double.NaN, 5.0))).isEqualTo(new Spread(5, 5, 5, 1));
        assertThat(Spread.of(java.util.List.of(Double.NaN)).samples()).isZero();
    }
}
