package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One of the targets with the figure this run measured for it.
 *
 * @param id the target's number in the issue, with a letter when it has several parts, for example "5b"
 * @param description what is compared, for example "unary p50, gRPC / REST"
 * @param measured the figure, usually a ratio taken inside the run, the median of the rounds that measured it;
 *     NaN when it could not be measured
 * @param comparison how the figure must relate to {@code limit}
 * @param limit the target's bound
 * @param unit the unit of {@code measured} and {@code limit}
 * @param spread least, median and greatest of the rounds; the verdict goes by the median
 */
public record Target(
        String id,
        String description,
        double measured,
        Comparison comparison,
        double limit,
        String unit,
        Spread spread) {

    public Target {
        requireNonNull(id, "id");
        requireNonNull(description, "description");
        requireNonNull(comparison, "comparison");
        requireNonNull(unit, "unit");
        requireNonNull(spread, "spread");
    }

    /** A target measured once. */
    public Target(String id, String description, double measured, Comparison comparison, double limit, String unit) {
        this(id, description, measured, comparison, limit, unit, Spread.of(measured));
    }

    /** Returns this target judged on the median of {@code samples}, the figures of every round. */
    Target over(List<Double> samples) {
        Spread over = Spread.of(samples);
        return new Target(id, description, over.median(), comparison, limit, unit, over);
    }

    /** A target on a ratio, for example "at most 0.30". */
    public static Target ratio(String id, String description, double measured, Comparison comparison, double limit) {
        return new Target(id, description, measured, comparison, limit, Units.RATIO);
    }

    /** Returns whether the measured figure meets the target. */
    public boolean met() {
        return comparison.holds(measured, limit);
    }
}
