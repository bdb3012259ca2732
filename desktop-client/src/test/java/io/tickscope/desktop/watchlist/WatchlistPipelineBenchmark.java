package io.tickscope.desktop.watchlist;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.alerts.AlertsModel;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerAddress;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.rpc.PriceWatch;
import io.tickscope.desktop.rpc.PriceWatchListener;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.ui.FxPulse;
import io.tickscope.desktop.ui.PulseCoalescer;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.shared.money.Amount;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import javafx.application.Platform;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A benchmark, not a test: drives the watchlist's real update pipeline (the one channel, PricingClient's
 * WatchPrices stream, the latest-per-key coalescer, the FX pulse and the row models) from a real server whose
 * market runs as fast as asked, and reports the ticks per second the client takes in beside the time each
 * FX pulse spends applying them (p50, p99, max). It watches the whole catalogue, 10,000 rows, more than the
 * view's 200, so that the server can push as much as the client takes.
 *
 * <pre>
 * ./mvnw -q -pl desktop-client -am install -DskipTests
 * ./mvnw -q -pl desktop-client org.codehaus.mojo:exec-maven-plugin:3.6.2:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.tickscope.desktop.watchlist.WatchlistPipelineBenchmark -Dexec.args="20 300000"
 * </pre>
 *
 * Arguments: measured seconds (default 20), the server's market rate in changes per second (default
 * 300,000), and optionally {@code alerts}, {@code record} or {@code alerts,record}: every tick is then also
 * checked against {@value #ALERTED_PRODUCTS} products' alerts (above, below and a 1 % move each, on the gRPC
 * thread, as the watchlist does) and/or recorded to a temporary file, so the figures with and without them
 * compare. The JavaFX toolkit runs headless (Monocle), as in the TestFX tests.
 */
public final class WatchlistPipelineBenchmark {

    private static final int PRODUCTS = 10_000;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** Products with alerts when alerts are on: the watchlist's most. */
    private static final int ALERTED_PRODUCTS = 200;

    private WatchlistPipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int marketRate = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        String extras = args.length > 2 ? args[2] : "";
        boolean alertsOn = extras.contains("alerts");
        boolean recordOn = extras.contains("record");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");

        Path dataDirectory = Files.createTempDirectory("tickscope-pipeline-benchmark");
        try (TickscopeServer server = TickscopeServer.start(new ServerSettings(
                "127.0.0.1", 0, dataDirectory, marketRate, ServerSettings.DEFAULT_SEED, Duration.ofSeconds(5)))) {
            ManagedChannel channel = Channels.open(new ServerAddress("127.0.0.1", server.port()));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            Recorder pulseNanos = new Recorder(3);
            UiThread ui = startToolkit(pulseNanos);

            Map<String, WatchlistRowModel> rows = new HashMap<>();
            List<String> ids = IntStream.rangeClosed(1, PRODUCTS)
                    .mapToObj(i -> String.format("P%05d", i))
                    .toList();
            ids.forEach(id -> rows.put(id, new WatchlistRowModel(id, id)));
            PulseCoalescer<String, PriceTick> coalescer =
                    ui.coalescer((id, tick) -> requireNonNull(rows.get(id), id).apply(tick, Instant.now()));
            LongAdder received = new LongAdder();
            AlertsModel alerts = new AlertsModel(Platform::runLater, alertsOn ? alertRules(ids) : List.of());
            PricingClient pricing = new PricingClient(channel, ConnectionMonitor.start(channel, scheduler), scheduler);
            if (recordOn) {
                pricing.record(dataDirectory.resolve("pipeline.tsrec"));
            }
            PriceWatch watch = pricing.watch(
                    new WatchRequest(ids, Currency.getInstance("USD"), Segment.STANDARD), new PriceWatchListener() {
                        @Override
                        public void onTick(PriceTick tick) {
                            received.increment();
                            alerts.onTick(tick);
                            coalescer.offer(tick.quote().productId(), tick);
                        }

                        @Override
                        public void onInterrupted(String reason) {
                            System.err.println("interrupted: " + reason);
                        }

                        @Override
                        public void onFailed(String reason) {
                            System.err.println("failed: " + reason);
                        }
                    });

            Thread.sleep(WARM_UP.toMillis());
            pulseNanos.reset();
            long receivedBefore = received.sum();
            Map<String, Long> cpuBefore = cpuNanosByRole();
            long start = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long elapsed = System.nanoTime() - start;
            Map<String, Long> cpuAfter = cpuNanosByRole();
            long ticks = received.sum() - receivedBefore;
            Histogram pulses = pulseNanos.getIntervalHistogram();

            System.out.printf(
                    "alerts %s, recording %s%n",
                    alertsOn ? 3 * ALERTED_PRODUCTS + " on " + ALERTED_PRODUCTS + " products" : "off",
                    recordOn ? "on" : "off");
            System.out.printf(
                    "market %,d changes/s; client took %,.0f ticks/s over %d s on one channel%n",
                    marketRate, ticks / (elapsed / 1e9), seconds);
            System.out.printf(
                    "FX pulse work: %,d pulses, p50 %.2f ms, p99 %.2f ms, max %.2f ms (budget 16.7 ms)%n",
                    pulses.getTotalCount(),
                    pulses.getValueAtPercentile(50) / 1e6,
                    pulses.getValueAtPercentile(99) / 1e6,
                    pulses.getMaxValue() / 1e6);
            // Ticks per second depend on how much CPU the machine leaves the process; CPU per tick does not.
            StringBuilder cpu = new StringBuilder("CPU, ms per second of run:");
            long clientNanos = 0;
            for (Map.Entry<String, Long> role : cpuAfter.entrySet()) {
                long used = Math.max(0, role.getValue() - cpuBefore.getOrDefault(role.getKey(), 0L));
                cpu.append(String.format(" %s %.0f;", role.getKey(), used / 1e6 / (elapsed / 1e9)));
                if (role.getKey().startsWith("client")) {
                    clientNanos += used;
                }
            }
            System.out.println(cpu);
            System.out.printf(
                    "client CPU per tick: %.2f us (gRPC callbacks, transport and FX thread together)%n",
                    clientNanos / 1e3 / Math.max(1, ticks));
            watch.close();
            pricing.stopRecording();
            channel.shutdownNow();
            scheduler.shutdownNow();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** An alert above, one below and one 1 % move on each of the first products, none of which fire often. */
    private static List<AlertRule> alertRules(List<String> ids) {
        Currency usd = Currency.getInstance("USD");
        return ids.subList(0, ALERTED_PRODUCTS).stream()
                .flatMap(id -> java.util.stream.Stream.of(
                        AlertRule.above(id, Amount.of("USD", "100000"), true),
                        AlertRule.below(id, Amount.of("USD", "0.01"), true),
                        AlertRule.move(id, new BigDecimal("1"), usd, Duration.ofMinutes(1), true)))
                .toList();
    }

    /** CPU time so far of the live threads, by what they do for the client or the server in this process. */
    private static Map<String, Long> cpuNanosByRole() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byRole = new TreeMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            long cpu = thread == null ? -1 : threads.getThreadCpuTime(thread.getThreadId());
            if (cpu >= 0) {
                byRole.merge(roleOf(thread.getThreadName()), cpu, Long::sum);
            }
        }
        return byRole;
    }

    private static String roleOf(String threadName) {
        if (threadName.startsWith("grpc-default-executor")) {
            return "client gRPC callbacks";
        }
        if (threadName.startsWith("grpc-default-worker") || threadName.startsWith("grpc-nio-worker")) {
            return "client transport";
        }
        if (threadName.equals("JavaFX Application Thread") || threadName.equals("Event Thread")) {
            return "client FX thread";
        }
        if (threadName.startsWith("armeria")) {
            return "server I/O";
        }
        if (threadName.startsWith("tickscope-market")) {
            return "server market";
        }
        return "other";
    }

    /** Starts JavaFX and a pulse whose every drain is timed into {@code pulseNanos}. */
    private static UiThread startToolkit(Recorder pulseNanos) throws Exception {
        CompletableFuture<UiThread> ui = new CompletableFuture<>();
        Platform.startup(() -> {
            FxPulse pulse = FxPulse.start();
            Executor timedPulse = task -> pulse.execute(() -> {
                long start = System.nanoTime();
                task.run();
                pulseNanos.recordValue(System.nanoTime() - start);
            });
            ui.complete(UiThread.of(Platform::runLater, timedPulse));
        });
        return ui.get(30, TimeUnit.SECONDS);
    }
}
