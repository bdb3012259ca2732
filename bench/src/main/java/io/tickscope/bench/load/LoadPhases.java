package io.tickscope.bench.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The timing of one load run: a warm-up whose calls are not measured (the JIT compiles, connections open,
 * pools fill), then a measurement window.
 */
public record LoadPhases(Duration warmup, Duration measurement) {

    public LoadPhases {
        requireNonNull(warmup, "warmup");
        requireNonNull(measurement, "measurement");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup: " + warmup + " (expected: >= 0)");
        }
        if (measurement.isNegative() || measurement.isZero()) {
            throw new IllegalArgumentException("measurement: " + measurement + " (expected: > 0)");
        }
    }

    long warmupNanos() {
        return warmup.toNanos();
    }

    long measurementNanos() {
        return measurement.toNanos();
    }
}
