package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

/**
 * One measured figure of a run.
 *
 * @param section the group it belongs to in the table, for example "Unary GetPrice, one call at a time"
 * @param name what was measured, for example "gRPC on Armeria p50"
 * @param value the figure; NaN when it could not be measured
 * @param unit its unit, for example "us", "B", "calls/s" or {@link Units#RATIO}
 */
public record Measurement(String section, String name, double value, String unit) {

    public Measurement {
        requireNonNull(section, "section");
        requireNonNull(name, "name");
        requireNonNull(unit, "unit");
    }
}
