package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

/**
 * One measured figure of a run.
 *
 * @param section the group it belongs to in the table, for example "Unary GetPrice, one call at a time"
 * @param name what was measured, for example "gRPC on Armeria p50"
 * @param value the figure, the median when it was measured in several rounds; NaN when it could not be measured
 * @param unit its unit, for example "us", "B", "calls/s" or {@link Units#RATIO}
 * @param spread least, median and greatest of the rounds that measured it
 */
public record Measurement(String section, String name, double value, String unit, Spread spread) {

    public Measurement {
        requireNonNull(section, "section");
        requireNonNull(name, "name");
        requireNonNull(unit, "unit");
        requireNonNull(spread, "spread");
    }

    /** A figure measured once. */
    public Measurement(String section, String name, double value, String unit) {
        this(section, name, value, unit, Spread.of(value));
    }
}
