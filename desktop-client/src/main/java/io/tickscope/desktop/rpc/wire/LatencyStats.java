package io.tickscope.desktop.rpc.wire;

/**
 * Latency percentiles of one method since measuring began, in microseconds; all zero while {@code count} is.
 *
 * @param count how many latencies were recorded
 * @param p50Micros the median
 * @param p99Micros the 99th percentile
 * @param maxMicros the largest recorded
 */
public record LatencyStats(long count, long p50Micros, long p99Micros, long maxMicros) {

    /** Nothing recorded. */
    public static final LatencyStats NONE = new LatencyStats(0, 0, 0, 0);
}
