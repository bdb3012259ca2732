package io.tickscope.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * What one load run measured.
 *
 * @param latency the latencies of the calls that completed in the measurement window
 * @param callsPerSecond the calls completed per second in the measurement window
 */
public record LoadResult(LatencySummary latency, double callsPerSecond) {

    public LoadResult {
        requireNonNull(latency, "latency");
    }
}
