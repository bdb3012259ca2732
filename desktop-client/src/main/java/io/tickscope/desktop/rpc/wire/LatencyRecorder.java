package io.tickscope.desktop.rpc.wire;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latencies of one method. Writers record wait-free into an HdrHistogram {@link Recorder}; a reader
 * moves what they recorded into a running total. Two significant digits (1% resolution) keep each
 * histogram a few kilobytes over the whole range from a microsecond to hours.
 */
final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 2;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);

    // Guarded by this: only readers touch them.
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram interval = recorder.getIntervalHistogram();

    /** Records one latency; safe from any thread. */
    void record(long nanos) {
        recorder.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    synchronized LatencyStats stats() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return new LatencyStats(
                total.getTotalCount(),
                total.getValueAtPercentile(50),
                total.getValueAtPercentile(99),
                total.getMaxValue());
    }
}
