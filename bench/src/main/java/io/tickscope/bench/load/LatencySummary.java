package io.tickscope.bench.load;

import static java.util.Objects.requireNonNull;

import org.HdrHistogram.Histogram;

/**
 * The percentiles of a set of latencies, in microseconds.
 *
 * @param count how many latencies were recorded
 */
public record LatencySummary(long count, double p50Micros, double p99Micros, double p999Micros, double maxMicros) {

    private static final double NANOS_PER_MICRO = 1_000.0;

    /** Summarises {@code nanos}, a histogram of latencies in nanoseconds. */
    public static LatencySummary ofNanos(Histogram nanos) {
        requireNonNull(nanos, "nanos");
        return new LatencySummary(
                nanos.getTotalCount(),
                nanos.getValueAtPercentile(50) / NANOS_PER_MICRO,
                nanos.getValueAtPercentile(99) / NANOS_PER_MICRO,
                nanos.getValueAtPercentile(99.9) / NANOS_PER_MICRO,
                nanos.getMaxValue() / NANOS_PER_MICRO);
    }
}
