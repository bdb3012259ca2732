package io.tickscope.bench;

import io.tickscope.bench.load.LoadResult;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.scenarios.UnaryRuns.UnaryFigures;
import java.util.List;

/**
 * Targets 3, 5 and 6: ratios between the unary figures of systems measured in different phases of one run.
 *
 * <ul>
 *   <li>gRPC against REST uses one client library for both, Armeria's, so that only the protocol differs.
 *   <li>Armeria against plain grpc-java uses one client for both, grpc-java's, and Armeria faces the stronger
 *       plain variant on each figure: the higher throughput and the lower p50.
 *   <li>gRPC against raw TCP uses grpc-java's client, the one the desktop client talks to the server with.
 * </ul>
 */
final class UnaryComparisons {

    private static final String SECTION = "Unary comparisons (ratios taken inside this run)";

    private UnaryComparisons() {}

    static void add(
            UnaryFigures grpc,
            UnaryFigures rest,
            UnaryFigures armeriaWithNettyClient,
            List<UnaryFigures> plainGrpc,
            LoadResult tcp,
            Results results) {
        double p50Ratio = grpc.sequential().latency().p50Micros()
                / rest.sequential().latency().p50Micros();
        results.add(SECTION, "p50, gRPC / REST", p50Ratio, Units.RATIO);
        results.add(
                SECTION,
                "p99, gRPC / REST",
                grpc.sequential().latency().p99Micros()
                        / rest.sequential().latency().p99Micros(),
                Units.RATIO);
        results.add(
                SECTION,
                "p99.9, gRPC / REST",
                grpc.sequential().latency().p999Micros()
                        / rest.sequential().latency().p999Micros(),
                Units.RATIO);
        results.add(
                SECTION,
                "max calls/s, gRPC / REST",
                grpc.saturated().callsPerSecond() / rest.saturated().callsPerSecond(),
                Units.RATIO);
        results.add(
                SECTION,
                "p50, gRPC with grpc-java's client / REST",
                armeriaWithNettyClient.sequential().latency().p50Micros()
                        / rest.sequential().latency().p50Micros(),
                Units.RATIO);
        results.add(Target.ratio("3", "unary p50, gRPC / REST, same logic", p50Ratio, Comparison.AT_MOST, 0.5));

        double bestPlainThroughput = plainGrpc.stream()
                .mapToDouble(figures -> figures.saturated().callsPerSecond())
                .max()
                .orElse(Double.NaN);
        double bestPlainP50 = plainGrpc.stream()
                .mapToDouble(figures -> figures.sequential().latency().p50Micros())
                .min()
                .orElse(Double.NaN);
        double throughputRatio = armeriaWithNettyClient.saturated().callsPerSecond() / bestPlainThroughput;
        double p50VersusPlain = armeriaWithNettyClient.sequential().latency().p50Micros() / bestPlainP50;
        results.add(SECTION, "calls/s, Armeria / best plain grpc-java", throughputRatio, Units.RATIO);
        results.add(SECTION, "p50, Armeria / best plain grpc-java", p50VersusPlain, Units.RATIO);
        results.add(Target.ratio(
                "5a",
                "throughput, Armeria / plain grpc-java, same client",
                throughputRatio,
                Comparison.AT_LEAST,
                0.90));
        results.add(Target.ratio(
                "5b", "unary p50, Armeria / plain grpc-java, same client", p50VersusPlain, Comparison.AT_MOST, 1.05));

        double p50VersusTcp = armeriaWithNettyClient.sequential().latency().p50Micros()
                / tcp.latency().p50Micros();
        results.add(SECTION, "p50, gRPC (grpc-java client) / raw TCP round trip", p50VersusTcp, Units.RATIO);
        results.add(
                SECTION,
                "p50, gRPC (Armeria client) / raw TCP round trip",
                grpc.sequential().latency().p50Micros() / tcp.latency().p50Micros(),
                Units.RATIO);
        results.add(Target.ratio("6", "unary p50, gRPC / raw TCP round trip", p50VersusTcp, Comparison.AT_MOST, 4));
    }
}
