package io.tickscope.bench.codec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The iterations of each JMH benchmark and the JVMs they run in.
 *
 * @param forks fresh JVMs per benchmark; 0 runs in the harness's own JVM, quick but exposed to its profile
 */
public record JmhSettings(
        int forks, int warmupIterations, Duration warmupTime, int measurementIterations, Duration measurementTime) {

    public JmhSettings {
        if (forks < 0) {
            throw new IllegalArgumentException("forks: " + forks + " (expected: >= 0)");
        }
        requireNonNull(warmupTime, "warmupTime");
        requireNonNull(measurementTime, "measurementTime");
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmupIterations: " + warmupIterations + " (expected: >= 0)");
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurementIterations: " + measurementIterations + " (expected: >= 1)");
        }
    }
}
