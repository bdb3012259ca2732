package io.tickscope.bench;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.tickscope.bench.clients.ClientEventLoop;
import io.tickscope.bench.clients.GrpcPricingClient;
import io.tickscope.bench.clients.NettyChannels;
import io.tickscope.bench.clients.RestPricingClient;
import io.tickscope.bench.clients.TcpEchoClient;
import io.tickscope.bench.load.GcActivity;
import io.tickscope.bench.load.LoadResult;
import io.tickscope.bench.report.Conditions;
import io.tickscope.bench.report.Report;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.scenarios.BatchComparison;
import io.tickscope.bench.scenarios.CodecMicrobenchmarks;
import io.tickscope.bench.scenarios.ConfigurationLadder;
import io.tickscope.bench.scenarios.EncodedSizes;
import io.tickscope.bench.scenarios.FanOut;
import io.tickscope.bench.scenarios.NetworkPage;
import io.tickscope.bench.scenarios.OpenLoopLatency;
import io.tickscope.bench.scenarios.PushThroughput;
import io.tickscope.bench.scenarios.UnaryRuns;
import io.tickscope.bench.scenarios.UnaryRuns.UnaryFigures;
import io.tickscope.bench.scenarios.WireBytes;
import io.tickscope.bench.servers.ArmeriaUnderTest;
import io.tickscope.bench.servers.HandlerThreads;
import io.tickscope.bench.servers.PlainGrpcUnderTest;
import io.tickscope.bench.servers.TcpEchoServer;
import io.tickscope.server.ServerSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of every scenario, in phases so that only the servers a phase measures are running: the Armeria
 * server (sizes, bytes, unary, batch, open loop), plain grpc-java servers, the TCP echo, the push and fan-out
 * servers, and last the codec microbenchmarks. Ratios between phases are taken at the end. A phase that fails
 * is reported as failed and the run goes on, so that one broken scenario does not hide the others.
 */
final class BenchRun {

    private static final String ARMERIA_GRPC = "gRPC, Armeria server, Armeria client";
    private static final String ARMERIA_REST = "REST/JSON HTTP/1.1, Armeria server, Armeria client";
    private static final String ARMERIA_NETTY = "gRPC, Armeria server, grpc-java client";
    private static final String TCP_ECHO = "raw TCP echo, 64 B";
    private static final int TCP_MESSAGE_BYTES = 64;

    private final BenchSettings settings;
    private final Path outputDirectory;
    private final PrintStream progress;
    private final long startNanos = System.nanoTime();
    private final Results results = new Results();
    private final List<String> failures = new ArrayList<>();

    BenchRun(BenchSettings settings, Path outputDirectory, PrintStream progress) {
        this.settings = requireNonNull(settings, "settings");
        this.outputDirectory = requireNonNull(outputDirectory, "outputDirectory");
        this.progress = requireNonNull(progress, "progress");
    }

    Report run() throws InterruptedException {
        Conditions conditions = Conditions.capture(settings.mode(), Clock.systemUTC());
        UnaryRuns unary = new UnaryRuns(settings.unary(), settings.concurrency(), results);

        // The scenarios behind ratio targets run in rounds, one after the other, so that a disturbance from the
        // machine's other work falls on one round of each figure rather than on all of one figure.
        for (int round = 1; round <= settings.rounds(); round++) {
            step("round " + round + " of " + settings.rounds());
            boolean firstRound = round == 1;
            if (settings.runs(Scenario.SIZES) && firstRound
                    || settings.runs(Scenario.UNARY)
                    || settings.runs(Scenario.BATCH)
                    || settings.runs(Scenario.OPEN_LOOP)) {
                @Nullable ArmeriaFigures armeria = attempt("Armeria server", () -> measureArmeria(unary, firstRound));
                if (settings.runs(Scenario.UNARY)) {
                    measureBaselines(unary, armeria);
                }
            }
            if (settings.runs(Scenario.CONFIGURATION_LADDER)) {
                attempt("Armeria configuration ladder", () -> {
                    ConfigurationLadder.run(settings.ladder(), settings.concurrency(), results);
                    return Boolean.TRUE;
                });
            }
            if (settings.runs(Scenario.NETWORK)) {
                attempt("a page of 47 prices over a delay line", () -> {
                    NetworkPage.run(settings.networkPages(), results);
                    return Boolean.TRUE;
                });
            }
            if (settings.runs(Scenario.PUSH)) {
                attempt("WatchPrices push on one stream", () -> {
                    PushThroughput.run(settings.push(), results);
                    return Boolean.TRUE;
                });
            }
        }
        if (settings.runs(Scenario.FAN_OUT)) {
            attempt("WatchPrices fan-out", () -> {
                FanOut.run(settings.fanOutSteps(), settings.fanOut(), results);
                return Boolean.TRUE;
            });
        }
        if (settings.runs(Scenario.CODECS)) {
            attempt("codec microbenchmarks (JMH)", () -> {
                CodecMicrobenchmarks.run(fixtureDirectory(), settings.jmh(), results);
                return Boolean.TRUE;
            });
        }
        step("done");
        addMachineActivity();

        List<Target> targets = new ArrayList<>(results.targets());
        // By the numbering: 9 before 10a, which a plain string order would put after 1b.
        targets.sort(Comparator.comparingInt(BenchRun::targetNumber).thenComparing(Target::id));
        return new Report(conditions, results.measurements(), targets, failures);
    }

    /** Measures plain grpc-java and the raw TCP echo, and compares the Armeria server's figures with them. */
    private void measureBaselines(UnaryRuns unary, @Nullable ArmeriaFigures armeria) throws InterruptedException {
        List<UnaryFigures> plainGrpc = new ArrayList<>();
        for (HandlerThreads threads : HandlerThreads.values()) {
            UnaryFigures figures = attempt("plain grpc-java server, handlers on the " + threads.label(), () -> {
                try (PlainGrpcUnderTest server = PlainGrpcUnderTest.start(ServerSettings.DEFAULT_TICK_RATE, threads)) {
                    String system = "gRPC, grpc-java server (" + threads.label() + "), grpc-java client";
                    return measureWithNettyClient(unary, system, server.port());
                }
            });
            if (figures != null) {
                plainGrpc.add(figures);
            }
        }
        LoadResult tcp = attempt("raw TCP echo", () -> {
            try (TcpEchoServer echo = TcpEchoServer.start();
                    TcpEchoClient client = TcpEchoClient.connect(echo.port(), TCP_MESSAGE_BYTES)) {
                return unary.measureLatency(TCP_ECHO, client.roundTrip());
            }
        });
        @Nullable UnaryTrio trio = armeria == null ? null : armeria.unary();
        if (trio != null && tcp != null && !plainGrpc.isEmpty()) {
            UnaryComparisons.add(trio.grpc(), trio.rest(), trio.netty(), plainGrpc, tcp, results);
        }
    }

    private ArmeriaFigures measureArmeria(UnaryRuns unary, boolean firstRound) throws Exception {
        try (ArmeriaUnderTest server = ArmeriaUnderTest.start(ServerSettings.DEFAULT_TICK_RATE);
                ClientEventLoop clientEventLoop = new ClientEventLoop()) {
            GrpcPricingClient grpc = GrpcPricingClient.armeria(server.port(), clientEventLoop.factory());
            RestPricingClient rest = RestPricingClient.http1(server.port(), clientEventLoop.factory());
            if (firstRound && settings.runs(Scenario.SIZES)) {
                step("Armeria server: encoded sizes and bytes on the wire");
                EncodedSizes.run(grpc, rest, fixtureDirectory(), results);
                WireBytes.run(server.port(), results);
            }
            @Nullable UnaryTrio trio = null;
            if (settings.runs(Scenario.UNARY)) {
                step("Armeria server: unary gRPC and REST");
                trio = new UnaryTrio(
                        unary.measure(ARMERIA_GRPC, grpc.getPriceRoundTrip(), grpc.getPriceCall()),
                        unary.measure(ARMERIA_REST, rest.getPriceRoundTrip(), rest.getPriceCall()),
                        measureWithNettyClient(unary, ARMERIA_NETTY, server.port()));
            }
            if (settings.runs(Scenario.BATCH)) {
                step("Armeria server: batch against unary");
                BatchComparison.run(grpc, settings.unary().warmup(), settings.batchRepetitions(), results);
            }
            if (settings.runs(Scenario.OPEN_LOOP)) {
                step("Armeria server: open loop");
                double maxCallsPerSecond =
                        trio != null ? trio.grpc().saturated().callsPerSecond() : warmThroughput(unary, grpc);
                OpenLoopLatency.run(ARMERIA_GRPC, grpc.getPriceCall(), maxCallsPerSecond, settings.unary(), results);
            }
            return new ArmeriaFigures(trio);
        }
    }

    /**
     * The most calls per second when the open loop runs without the unary scenario before it: measured twice and
     * the second kept, because the first closed loop of a fresh JVM runs cold (in one such run 160 calls/s, against
     * tens of thousands warm), and half of it would make the open loop a trickle whose tail says nothing.
     */
    private static double warmThroughput(UnaryRuns unary, GrpcPricingClient grpc) throws InterruptedException {
        unary.measureThroughput(ARMERIA_GRPC + " (warm-up)", grpc.getPriceCall());
        return unary.measureThroughput(ARMERIA_GRPC, grpc.getPriceCall()).callsPerSecond();
    }

    private static int targetNumber(Target target) {
        String digits = target.id().replaceAll("\\D.*$", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** Records what else happened while the run measured: other work on the machine and garbage collection. */
    private void addMachineActivity() {
        String section = "Machine and JVM during the run (the load average at start is in the header)";
        results.add(section, "load average at the end, 1 minute", Conditions.loadAverageNow(), Units.TASKS);
        GcActivity gc = GcActivity.sinceStart();
        results.add(section, "garbage collections, whole run", gc.collections(), Units.COUNT);
        results.add(section, "time in garbage collection, whole run", gc.millis(), Units.MILLIS);
    }

    private UnaryFigures measureWithNettyClient(UnaryRuns unary, String system, int port) throws Exception {
        ManagedChannel channel = NettyChannels.plaintext(port);
        try {
            GrpcPricingClient client = GrpcPricingClient.on(channel);
            return unary.measure(system, client.getPriceRoundTrip(), client.getPriceCall());
        } finally {
            channel.shutdownNow();
        }
    }

    /** Runs one phase; a failure is reported and recorded, and the run goes on without its figures. */
    private <T> @Nullable T attempt(String phase, Phase<T> body) throws InterruptedException {
        step(phase);
        try {
            return body.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failures.add(phase + ": " + e);
            progress.println("[bench] FAILED: " + phase);
            e.printStackTrace(progress);
            return null;
        }
    }

    private Path fixtureDirectory() {
        return outputDirectory.resolve("fixtures");
    }

    private void step(String description) {
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        progress.printf("[bench %s %4d s] %s%n", settings.mode(), elapsedSeconds, description);
        progress.flush();
    }

    /** One phase of the run. */
    @FunctionalInterface
    private interface Phase<T> {
        T run() throws Exception;
    }

    /** The unary figures of the Armeria server, by client and protocol. */
    private record UnaryTrio(UnaryFigures grpc, UnaryFigures rest, UnaryFigures netty) {}

    /** What the Armeria phase measured: the unary figures when the run includes them. */
    private record ArmeriaFigures(@Nullable UnaryTrio unary) {}
}
