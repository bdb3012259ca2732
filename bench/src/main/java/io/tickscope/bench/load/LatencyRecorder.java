package io.tickscope.bench.load;

import org.HdrHistogram.Recorder;

/**
 * Records latencies in nanoseconds from any number of threads without locks or waiting (HdrHistogram's
 * {@link Recorder}, three significant digits, resizing as values grow).
 */
public final class LatencyRecorder {

    private final Recorder recorder = new Recorder(3);

    public void record(long nanos) {
        recorder.recordValue(Math.max(0, nanos));
    }

    /** Drops what was recorded so far, for example at the end of a warm-up. */
    public void reset() {
        recorder.getIntervalHistogram();
    }

    /** Returns the summary of what was recorded since the last reset or summary, and starts afresh. */
    public LatencySummary summarizeAndReset() {
        return LatencySummary.ofNanos(recorder.getIntervalHistogram());
    }
}
