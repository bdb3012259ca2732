package io.tickscope.bench.scenarios;

import io.grpc.ManagedChannel;
import io.tickscope.bench.clients.GrpcPricingClient;
import io.tickscope.bench.clients.NettyChannels;
import io.tickscope.bench.load.ClosedLoop;
import io.tickscope.bench.load.LoadPhases;
import io.tickscope.bench.load.LoadResult;
import io.tickscope.bench.load.SequentialLoop;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.servers.ArmeriaFeaturesUnderTest;
import io.tickscope.bench.servers.HandlerThreads;
import io.tickscope.bench.servers.PlainGrpcUnderTest;
import io.tickscope.bench.servers.ScratchDirectory;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.backend.Backend;
import io.tickscope.server.grpc.ServerFeature;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Item 1 of the performance issue: what each piece of Tickscope's server configuration costs a unary call. A bare
 * Armeria {@code GrpcService} hosting the pricing service alone, then Tickscope's own configuration code with one
 * {@link ServerFeature} more at each step, each measured with grpc-java's client (one call at a time for the p50,
 * a closed loop for calls per second) against the same pricing service on plain grpc-java with its handlers on the
 * event loop, as Tickscope's are. A step's ratio minus the one before is what its feature costs.
 */
public final class ConfigurationLadder {

    private static final String SECTION =
            "Armeria with Tickscope's features added one at a time (grpc-java client; / = ratio to plain grpc-java)";
    private static final String PLAIN = "plain grpc-java server (event loop)";

    private ConfigurationLadder() {}

    public static void run(LoadPhases phases, int concurrency, Results results) throws Exception {
        Figures plain;
        try (PlainGrpcUnderTest server =
                PlainGrpcUnderTest.start(ServerSettings.DEFAULT_TICK_RATE, HandlerThreads.EVENT_LOOP)) {
            plain = measure(server.port(), phases, concurrency);
        }
        results.add(SECTION, PLAIN + ": calls/s", plain.callsPerSecond(), Units.CALLS_PER_SECOND);
        results.add(SECTION, PLAIN + ": p50", plain.p50Micros(), Units.MICROS);

        List<ServerFeature> ladder = List.of(ServerFeature.values());
        try (ScratchDirectory dataDirectory = ScratchDirectory.create("tickscope-bench-ladder");
                Backend backend = Backend.open(
                        dataDirectory.path(),
                        ServerSettings.DEFAULT_SEED,
                        ServerSettings.DEFAULT_TICK_RATE,
                        Clock.systemUTC())) {
            backend.startMarket();
            climb(ladder, backend, plain, phases, concurrency, results);
        }
    }

    private static void climb(
            List<ServerFeature> ladder,
            Backend backend,
            Figures plain,
            LoadPhases phases,
            int concurrency,
            Results results)
            throws Exception {
        for (int step = 0; step <= ladder.size(); step++) {
            Set<ServerFeature> features = EnumSet.noneOf(ServerFeature.class);
            features.addAll(ladder.subList(0, step));
            String label = step == 0
                    ? "bare Armeria GrpcService, pricing only"
                    : step + ". + " + ladder.get(step - 1).label();
            Figures figures;
            try (ArmeriaFeaturesUnderTest server = ArmeriaFeaturesUnderTest.start(backend, features)) {
                figures = measure(server.port(), phases, concurrency);
            }
            results.add(SECTION, label + ": calls/s", figures.callsPerSecond(), Units.CALLS_PER_SECOND);
            results.add(SECTION, label + ": p50", figures.p50Micros(), Units.MICROS);
            results.add(SECTION, label + ": calls/s /", figures.callsPerSecond() / plain.callsPerSecond(), Units.RATIO);
            results.add(SECTION, label + ": p50 /", figures.p50Micros() / plain.p50Micros(), Units.RATIO);
        }
    }

    private static Figures measure(int port, LoadPhases phases, int concurrency) throws Exception {
        ManagedChannel channel = NettyChannels.plaintext(port);
        try {
            GrpcPricingClient client = GrpcPricingClient.on(channel);
            LoadResult sequential = SequentialLoop.run(client.getPriceRoundTrip(), phases);
            LoadResult saturated = ClosedLoop.run(client.getPriceCall(), concurrency, phases);
            return new Figures(saturated.callsPerSecond(), sequential.latency().p50Micros());
        } finally {
            channel.shutdownNow();
        }
    }

    /** Calls per second in a closed loop and p50 one call at a time. */
    private record Figures(double callsPerSecond, double p50Micros) {}
}
