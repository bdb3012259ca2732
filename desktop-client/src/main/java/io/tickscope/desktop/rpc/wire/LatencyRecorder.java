package io.tickscope.desktop.rpc.wire;

import java.util.ArrayList;
import java.util.List;
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

    /** The upper bounds of the histogram's buckets, in milliseconds; the last bucket holds the rest. */
    static final long[] BUCKET_MILLIS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000};

    /** Returns how many latencies fell in each bucket of {@link #BUCKET_MILLIS}, plus one for the rest. */
    synchronized List<Long> histogram() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        List<Long> counts = new ArrayList<>(BUCKET_MILLIS.length + 1);
        // Differences of cumulative counts: each of the histogram's own buckets is counted exactly once, in the
        // bucket here that holds its upper edge (ranges between two bounds would count edge buckets twice).
        long countedBelow = 0;
        for (long millis : BUCKET_MILLIS) {
            long upToBound = total.getCountBetweenValues(0, millis * 1_000 - 1);
            counts.add(upToBound - countedBelow);
            countedBelow = upToBound;
        }
        counts.add(total.getTotalCount() - countedBelow);
        return List.copyOf(counts);
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
