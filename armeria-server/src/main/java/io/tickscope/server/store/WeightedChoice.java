package io.tickscope.server.store;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks indexes 0 to n - 1 at random, each in proportion to its weight. */
final class WeightedChoice {

    private final double[] cumulativeWeights;

    /** Creates the choice among {@code weights.length} indexes; every weight must be positive. */
    WeightedChoice(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights: [] (expected: at least one)");
        }
        cumulativeWeights = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "]: " + weights[i] + " (expected: > 0 and finite)");
            }
            total += weights[i];
            cumulativeWeights[i] = total;
        }
    }

    /** Returns how many indexes there are to pick from. */
    int size() {
        return cumulativeWeights.length;
    }

    /** Returns an index, each with the probability of its weight over the sum of all weights. */
    int pick(SplittableRandom random) {
        int last = cumulativeWeights.length - 1;
        double point = random.nextDouble() * cumulativeWeights[last];
        int found = Arrays.binarySearch(cumulativeWeights, point);
        // Index i owns the points from the sum of the weights before it up to, but not including, its own sum.
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, last);
    }
}
