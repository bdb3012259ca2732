package io.tickscope.bench.load;

import org.HdrHistogram.Histogram;

/**
 * One call at a time on one thread, each timed from its start to its response: the latency of an idle system,
 * measured the same way for every protocol, the raw TCP round trip included.
 */
public final class SequentialLoop {

    private SequentialLoop() {}

    public static LoadResult run(RoundTrip roundTrip, LoadPhases phases) throws Exception {
        long warmupEnd = System.nanoTime() + phases.warmupNanos();
        while (System.nanoTime() < warmupEnd) {
            roundTrip.run();
        }
        Histogram nanos = new Histogram(3);
        long start = System.nanoTime();
        long end = start + phases.measurementNanos();
        long now = start;
        while (now < end) {
            long sent = now;
            roundTrip.run();
            now = System.nanoTime();
            nanos.recordValue(now - sent);
        }
        double seconds = (now - start) / 1e9;
        return new LoadResult(LatencySummary.ofNanos(nanos), nanos.getTotalCount() / seconds);
    }
}
