package io.tickscope.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * What one load run measured.
 *
 * @param latency the latencies of the calls that completed in the measurement window
 * @param callsPerSecond the calls completed per second in the measurement window
 * @param cpuNanosPerCall the CPU time of the whole process (servers and clients) per call completed in the window,
 *     or NaN where the loop does not measure it: on a shared machine it moves much less than a rate, which mostly
 *     measures how often the scheduler gave the threads a core
 */
public record LoadResult(LatencySummary latency, double callsPerSecond, double cpuNanosPerCall) {

    public LoadResult {
        requireNonNull(latency, "latency");
    }

    /** A result whose loop does not measure CPU. */
    public LoadResult(LatencySummary latency, double callsPerSecond) {
        this(latency, callsPerSecond, Double.NaN);
    }
}
