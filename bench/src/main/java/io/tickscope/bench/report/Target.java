package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

/**
 * One of the targets with the figure this run measured for it.
 *
 * @param id the target's number in the issue, with a letter when it has several parts, for example "5b"
 * @param description what is compared, for example "unary p50, gRPC / REST"
 * @param measured the figure, usually a ratio taken inside the run; NaN when it could not be measured
 * @param comparison how the figure must relate to {@code limit}
 * @param limit the target's bound
 * @param unit the unit of {@code measured} and {@code limit}
 */
public record Target(String id, String description, double measured, Comparison comparison, double limit, String unit) {

    public Target {
        requireNonNull(id, "id");
        requireNonNull(description, "description");
        requireNonNull(comparison, "comparison");
        requireNonNull(unit, "unit");
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
