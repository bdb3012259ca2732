package io.tickscope.bench.scenarios;

import io.tickscope.bench.load.AsyncCall;
import io.tickscope.bench.load.ClosedLoop;
import io.tickscope.bench.load.LatencySummary;
import io.tickscope.bench.load.LoadPhases;
import io.tickscope.bench.load.LoadResult;
import io.tickscope.bench.load.RoundTrip;
import io.tickscope.bench.load.SequentialLoop;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Units;

/**
 * The unary figures of one system (a server and a client): latency one call at a time, then the most calls per
 * second with a fixed number in flight. Targets 3, 5 and 6 compare these figures across systems.
 */
public final class UnaryRuns {

    private static final String SEQUENTIAL = "Unary GetPrice, one call at a time: latency";

    private final LoadPhases phases;
    private final int concurrency;
    private final Results results;

    public UnaryRuns(LoadPhases phases, int concurrency, Results results) {
        this.phases = phases;
        this.concurrency = concurrency;
        this.results = results;
    }

    /** Measures {@code system}, for example "gRPC, Armeria server, Armeria client". */
    public UnaryFigures measure(String system, RoundTrip roundTrip, AsyncCall call) throws Exception {
        return new UnaryFigures(measureLatency(system, roundTrip), measureThroughput(system, call));
    }

    /** Measures the most calls per second of {@code system} with the configured calls in flight. */
    public LoadResult measureThroughput(String system, AsyncCall call) throws InterruptedException {
        LoadResult saturated = ClosedLoop.run(call, concurrency, phases);
        String section = "Unary GetPrice, " + concurrency + " calls in flight (closed loop): throughput";
        results.add(section, system + ": calls/s", saturated.callsPerSecond(), Units.CALLS_PER_SECOND);
        results.add(section, system + ": p50", saturated.latency().p50Micros(), Units.MICROS);
        results.add(section, system + ": p99", saturated.latency().p99Micros(), Units.MICROS);
        return saturated;
    }

    /** Measures the latency of {@code system}, one call at a time. */
    public LoadResult measureLatency(String system, RoundTrip roundTrip) throws Exception {
        LoadResult sequential = SequentialLoop.run(roundTrip, phases);
        addLatency(SEQUENTIAL, system, sequential.latency());
        return sequential;
    }

    private void addLatency(String section, String system, LatencySummary latency) {
        results.add(section, system + ": p50", latency.p50Micros(), Units.MICROS);
        results.add(section, system + ": p99", latency.p99Micros(), Units.MICROS);
        results.add(section, system + ": p99.9", latency.p999Micros(), Units.MICROS);
    }

    /** The two unary figures of one system. */
    public record UnaryFigures(LoadResult sequential, LoadResult saturated) {}
}
