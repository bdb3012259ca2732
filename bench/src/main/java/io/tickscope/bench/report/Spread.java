package io.tickscope.bench.report;

import java.util.List;

/**
 * The spread of one figure measured in several rounds of a run: least, median and greatest. Verdicts go by the
 * median, so that one round disturbed by the machine's other work neither meets a target nor misses it.
 *
 * @param min the least sample; NaN when no sample could be measured
 * @param median the middle sample, or the mean of the middle two of an even number
 * @param max the greatest sample
 * @param samples how many samples were measured (those that are NaN are left out)
 */
public record Spread(double min, double median, double max, int samples) {

    /** The spread of one sample. */
    public static Spread of(double value) {
        return Double.isNaN(value)
                ? new Spread(Double.NaN, Double.NaN, Double.NaN, 0)
                : new Spread(value, value, value, 1);
    }

    /** The spread of {@code values}, NaN ones left out. */
    public static Spread of(List<Double> values) {
        double[] sorted = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        int n = sorted.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(sorted[0], median, sorted[n - 1], n);
    }
}
