package io.tickscope.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

    @Test
    void picksEachIndexInProportionToItsWeight() {
        WeightedChoice choice = new WeightedChoice(new double[] {1, 0.5, 2.5});
        SplittableRandom random = new SplittableRandom(1);
        int[] picks = new int[choice.size()];

        for (int i = 0; i < 40_000; i++) {
            picks[choice.pick(random)]++;
        }

        assertThat(picks[0]).isCloseTo(10_000, within(500));
        assertThat(picks[1]).isCloseTo(5_000, within(500));
        assertThat(picks[2]).isCloseTo(25_000, within(500));
    }

    @Test
    void refusesWeightsThatAreNotPositive() {
        assertThatThrownBy(() -> new WeightedChoice(new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights[1]: 0.0 (expected: > 0 and finite)");
        assertThatThrownBy(() -> new WeightedChoice(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights: [] (expected: at least one)");
    }
}
