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
import java.util.ArrayList;
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
        // Plain grpc-java before the ladder and again after it: a JIT still warming up or a busy spell of the
        // machine would otherwise flatter every step against a baseline measured cold. Each step faces the
        // stronger of the two on each figure.
        Figures before = measurePlain(phases, concurrency);
        List<Figures> steps = new ArrayList<>();
        List<ServerFeature> ladder = List.of(ServerFeature.values());
        try (ScratchDirectory dataDirectory = ScratchDirectory.create("tickscope-bench-ladder");
                Backend backend = Backend.open(
                        dataDirectory.path(),
                        ServerSettings.DEFAULT_SEED,
                        ServerSettings.DEFAULT_TICK_RATE,
                        Clock.systemUTC())) {
            backend.startMarket();
            for (int step = 0; step <= ladder.size(); step++) {
                Set<ServerFeature> features = EnumSet.noneOf(ServerFeature.class);
                features.addAll(ladder.subList(0, step));
                try (ArmeriaFeaturesUnderTest server = ArmeriaFeaturesUnderTest.start(backend, features)) {
                    steps.add(measure(server.port(), phases, concurrency));
                }
            }
        }
        Figures after = measurePlain(phases, concurrency);
        Figures plain = new Figures(
                Math.max(before.callsPerSecond(), after.callsPerSecond()),
                Math.min(before.p50Micros(), after.p50Micros()),
                Math.min(before.cpuMicrosPerCall(), after.cpuMicrosPerCall()));
        results.add(SECTION, PLAIN + ", before the ladder: calls/s", before.callsPerSecond(), Units.CALLS_PER_SECOND);
        results.add(SECTION, PLAIN + ", after the ladder: calls/s", after.callsPerSecond(), Units.CALLS_PER_SECOND);
        results.add(SECTION, PLAIN + ", before the ladder: p50", before.p50Micros(), Units.MICROS);
        results.add(SECTION, PLAIN + ", after the ladder: p50", after.p50Micros(), Units.MICROS);
        results.add(SECTION, PLAIN + ", before the ladder: CPU per call", before.cpuMicrosPerCall(), Units.MICROS);
        results.add(SECTION, PLAIN + ", after the ladder: CPU per call", after.cpuMicrosPerCall(), Units.MICROS);
        for (int step = 0; step < steps.size(); step++) {
            String label = step == 0
                    ? "bare Armeria GrpcService, pricing only"
                    : step + ". + " + ladder.get(step - 1).label();
            Figures figures = steps.get(step);
            results.add(SECTION, label + ": calls/s", figures.callsPerSecond(), Units.CALLS_PER_SECOND);
            results.add(SECTION, label + ": p50", figures.p50Micros(), Units.MICROS);
            results.add(SECTION, label + ": calls/s /", figures.callsPerSecond() / plain.callsPerSecond(), Units.RATIO);
            results.add(SECTION, label + ": p50 /", figures.p50Micros() / plain.p50Micros(), Units.RATIO);
            results.add(SECTION, label + ": CPU per call", figures.cpuMicrosPerCall(), Units.MICROS);
            results.add(
                    SECTION,
                    label + ": CPU per call /",
                    figures.cpuMicrosPerCall() / plain.cpuMicrosPerCall(),
                    Units.RATIO);
        }
    }

    private static Figures measurePlain(LoadPhases phases, int concurrency) throws Exception {
        try (PlainGrpcUnderTest server =
                PlainGrpcUnderTest.start(ServerSettings.DEFAULT_TICK_RATE, HandlerThreads.EVENT_LOOP)) {
            return measure(server.port(), phases, concurrency);
        }
    }

    private static Figures measure(int port, LoadPhases phases, int concurrency) throws Exception {
        ManagedChannel channel = NettyChannels.plaintext(port);
        try {
            GrpcPricingClient client = GrpcPricingClient.on(channel);
            LoadResult sequential = SequentialLoop.run(client.getPriceRoundTrip(), phases);
            LoadResult saturated = ClosedLoop.run(client.getPriceCall(), concurrency, phases);
            return new Figures(
                    saturated.callsPerSecond(), sequential.latency().p50Micros(), saturated.cpuNanosPerCall() / 1e3);
        } finally {
            channel.shutdownNow();
        }
    }

    /**
     * Calls per second in a closed loop, p50 one call at a time, and the process's CPU per call in the closed loop
     * (client and server: the client is the same at every step, so differences between steps are the server's).
     */
    private record Figures(double callsPerSecond, double p50Micros, double cpuMicrosPerCall) {}
}
