package io.tickscope.bench.scenarios;

import com.linecorp.armeria.client.ClientFactory;
import io.tickscope.bench.clients.WatchClients;
import io.tickscope.bench.load.LoadPhases;
import io.tickscope.bench.load.ThreadCpu;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.servers.ArmeriaUnderTest;
import java.util.List;

/**
 * Target 7: the updates per second one WatchPrices stream of the whole catalogue delivers from a server whose
 * market changes prices as fast as the server allows (1,000,000 a second). What the market cannot produce or
 * the stream cannot carry shows as changes per second below that, or as conflated changes.
 *
 * <p>The target measures the stream, so it is judged on a server that stores no history ({@code --history off}).
 * The same stream from a server that stores every change (the default) runs right after it and is reported
 * beside it: at this rate the history writer's thread takes most of one of the two cores, and that cost stays
 * in view.
 */
public final class PushThroughput {

    private static final String SECTION = "WatchPrices push, one stream of the whole catalogue";
    /** The highest market rate the server accepts. */
    private static final int TICK_RATE = 1_000_000;
    /** The name of the server's market thread ({@code MarketSimulator}). */
    private static final String MARKET_THREAD = "tickscope-market";
    /** The name of the server's history writer's thread ({@code HistoryWriter}). */
    private static final String HISTORY_THREAD = "tickscope-history-writer";

    private PushThroughput() {}

    public static void run(LoadPhases phases, Results results) throws InterruptedException {
        Figures off = measure(phases, false);
        Figures on = measure(phases, true);
        results.add(SECTION, "market rate asked for", TICK_RATE, Units.UPDATES_PER_SECOND);
        off.addTo(results, "history off");
        on.addTo(results, "history on (the default)");
        results.add(
                SECTION,
                "history on: history writer CPU per change made",
                on.covered == 0 ? Double.NaN : (double) on.historyCpu / on.covered,
                Units.NANOS_PER_OP);
        results.add(
                SECTION,
                "history on / off: updates delivered",
                off.deliveredPerSecond() == 0 ? Double.NaN : on.deliveredPerSecond() / off.deliveredPerSecond(),
                Units.RATIO);
        results.add(new Target(
                "7",
                "WatchPrices push on one stream (history off)",
                off.deliveredPerSecond(),
                Comparison.AT_LEAST,
                500_000,
                Units.UPDATES_PER_SECOND));
    }

    private static Figures measure(LoadPhases phases, boolean storesHistory) throws InterruptedException {
        PushCounter counter = new PushCounter();
        try (ArmeriaUnderTest server = ArmeriaUnderTest.start(TICK_RATE, storesHistory)) {
            WatchClients.stub(server.port(), ClientFactory.ofDefault())
                    .watchPrices(WatchClients.request(List.of()), counter);
            Thread.sleep(phases.warmup().toMillis());
            counter.checkAlive();
            long deliveredBefore = counter.changesDelivered();
            long coveredBefore = counter.changesCovered();
            long marketCpuBefore = ThreadCpu.nanosOf(MARKET_THREAD);
            long historyCpuBefore = ThreadCpu.nanosOf(HISTORY_THREAD);
            Thread.sleep(phases.measurement().toMillis());
            counter.checkAlive();
            Figures figures = new Figures(
                    phases.measurement().toNanos() / 1e9,
                    counter.changesDelivered() - deliveredBefore,
                    counter.changesCovered() - coveredBefore,
                    ThreadCpu.nanosOf(MARKET_THREAD) - marketCpuBefore,
                    ThreadCpu.nanosOf(HISTORY_THREAD) - historyCpuBefore);
            counter.cancel();
            return figures;
        }
    }

    /** What one server's stream delivered in the measurement window. */
    private record Figures(double seconds, long delivered, long covered, long marketCpu, long historyCpu) {

        double deliveredPerSecond() {
            return delivered / seconds;
        }

        void addTo(Results results, String server) {
            results.add(
                    SECTION,
                    server + ": market changes made (from sequence numbers)",
                    covered / seconds,
                    Units.UPDATES_PER_SECOND);
            results.add(
                    SECTION,
                    server + ": updates delivered to the client",
                    deliveredPerSecond(),
                    Units.UPDATES_PER_SECOND);
            results.add(
                    SECTION,
                    server + ": market thread CPU per change made (steady on a busy machine)",
                    marketCpu < 0 || covered == 0 ? Double.NaN : (double) marketCpu / covered,
                    Units.NANOS_PER_OP);
            results.add(
                    SECTION,
                    server + ": changes conflated away",
                    covered == 0 ? 0 : 1 - (double) delivered / covered,
                    Units.RATIO);
        }
    }
}
