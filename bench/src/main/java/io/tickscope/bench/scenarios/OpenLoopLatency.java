package io.tickscope.bench.scenarios;

import io.tickscope.bench.load.AsyncCall;
import io.tickscope.bench.load.GcActivity;
import io.tickscope.bench.load.LoadPhases;
import io.tickscope.bench.load.LoadResult;
import io.tickscope.bench.load.OpenLoop;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;

/**
 * Target 9: GetPrice at a constant half of the most calls per second measured in the same run, latency taken
 * from each call's intended start (no coordinated omission).
 */
public final class OpenLoopLatency {

    private static final String SECTION = "Unary GetPrice, open loop at 50% of the closed-loop maximum";
    private static final double SHARE_OF_MAXIMUM = 0.5;

    private OpenLoopLatency() {}

    public static void run(String system, AsyncCall call, double maxCallsPerSecond, LoadPhases phases, Results results)
            throws InterruptedException {
        double rate = maxCallsPerSecond * SHARE_OF_MAXIMUM;
        GcActivity before = GcActivity.sinceStart();
        LoadResult result = OpenLoop.run(call, rate, phases);
        // Includes the warm-up: the JVM counts collections, not when they happened.
        GcActivity gc = GcActivity.sinceStart().since(before);
        double tailRatio = result.latency().p99Micros() / result.latency().p50Micros();
        results.add(SECTION, system + ": intended rate", rate, Units.CALLS_PER_SECOND);
        results.add(SECTION, system + ": achieved rate", result.callsPerSecond(), Units.CALLS_PER_SECOND);
        results.add(SECTION, system + ": p50", result.latency().p50Micros(), Units.MICROS);
        results.add(SECTION, system + ": p99", result.latency().p99Micros(), Units.MICROS);
        results.add(SECTION, system + ": p99.9", result.latency().p999Micros(), Units.MICROS);
        results.add(SECTION, system + ": max", result.latency().maxMicros(), Units.MICROS);
        results.add(SECTION, system + ": p99 / p50", tailRatio, Units.RATIO);
        results.add(SECTION, "garbage collections during the run (warm-up included)", gc.collections(), Units.COUNT);
        results.add(SECTION, "time in those collections", gc.millis(), Units.MILLIS);
        results.add(Target.ratio("9", "open loop at 50% of max QPS, p99 / p50", tailRatio, Comparison.AT_MOST, 10));
    }
}
