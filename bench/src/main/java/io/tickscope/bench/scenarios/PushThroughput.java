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
 */
public final class PushThroughput {

    private static final String SECTION = "WatchPrices push, one stream of the whole catalogue";
    /** The highest market rate the server accepts. */
    private static final int TICK_RATE = 1_000_000;
    /** The name of the server's market thread ({@code MarketSimulator}). */
    private static final String MARKET_THREAD = "tickscope-market";

    private PushThroughput() {}

    public static void run(LoadPhases phases, Results results) throws InterruptedException {
        PushCounter counter = new PushCounter();
        long delivered;
        long covered;
        long marketCpu;
        try (ArmeriaUnderTest server = ArmeriaUnderTest.start(TICK_RATE)) {
            WatchClients.stub(server.port(), ClientFactory.ofDefault())
                    .watchPrices(WatchClients.request(List.of()), counter);
            Thread.sleep(phases.warmup().toMillis());
            counter.checkAlive();
            long deliveredBefore = counter.changesDelivered();
            long coveredBefore = counter.changesCovered();
            long marketCpuBefore = ThreadCpu.nanosOf(MARKET_THREAD);
            Thread.sleep(phases.measurement().toMillis());
            counter.checkAlive();
            delivered = counter.changesDelivered() - deliveredBefore;
            covered = counter.changesCovered() - coveredBefore;
            marketCpu = ThreadCpu.nanosOf(MARKET_THREAD) - marketCpuBefore;
            counter.cancel();
        }
        double seconds = phases.measurement().toNanos() / 1e9;
        double deliveredPerSecond = delivered / seconds;
        results.add(SECTION, "market rate asked for", TICK_RATE, Units.UPDATES_PER_SECOND);
        results.add(
                SECTION, "market changes made (from sequence numbers)", covered / seconds, Units.UPDATES_PER_SECOND);
        results.add(SECTION, "updates delivered to the client", deliveredPerSecond, Units.UPDATES_PER_SECOND);
        results.add(
                SECTION,
                "market thread CPU per change made (steady on a busy machine)",
                marketCpu < 0 || covered == 0 ? Double.NaN : (double) marketCpu / covered,
                Units.NANOS_PER_OP);
        results.add(
                SECTION, "changes conflated away", covered == 0 ? 0 : 1 - (double) delivered / covered, Units.RATIO);
        results.add(new Target(
                "7",
                "WatchPrices push on one stream",
                deliveredPerSecond,
                Comparison.AT_LEAST,
                500_000,
                Units.UPDATES_PER_SECOND));
    }
}
