package io.tickscope.bench.scenarios;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.common.util.EventLoopGroups;
import io.netty.channel.EventLoopGroup;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.bench.clients.PricingRequests;
import io.tickscope.bench.clients.WatchClients;
import io.tickscope.bench.load.LatencySummary;
import io.tickscope.bench.load.LoadPhases;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.servers.ArmeriaUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Target 8: many concurrent WatchPrices streams on one server, each receiving about 100 updates a second, and
 * the delivery lag of those updates. Each stream watches 100 consecutive products and the market changes each
 * product once a second on average (10,000 changes a second over 10,000 products). The number of streams rises
 * step by step; a step holds when the streams receive at least 95% of their rate with a p99 lag of at most
 * 50 ms, and the ramp stops at the first step that does not. The server stores no history ({@code --history
 * off}): the target is about the streams, and the push scenario shows what history costs beside them.
 */
public final class FanOut {

    private static final String SECTION = "WatchPrices fan-out: concurrent streams at ~100 updates/s each";
    private static final int PRODUCTS_PER_STREAM = 100;
    private static final int TICK_RATE = 10_000;
    private static final double UPDATES_PER_STREAM_SECOND =
            (double) TICK_RATE * PRODUCTS_PER_STREAM / PricingRequests.CATALOGUE_SIZE;
    private static final double MIN_SHARE_OF_RATE = 0.95;
    private static final double MAX_P99_LAG_MILLIS = 50;
    /** Streams share this many client connections, as that many client processes would bring. */
    private static final int CONNECTIONS = 8;

    private static final int CLIENT_EVENT_LOOPS = 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 10;

    private FanOut() {}

    public static void run(List<Integer> steps, LoadPhases phases, Results results) throws InterruptedException {
        LagWatcher.Totals totals = new LagWatcher.Totals();
        List<LagWatcher> watchers = new ArrayList<>();
        EventLoopGroup eventLoops = EventLoopGroups.newEventLoopGroup(CLIENT_EVENT_LOOPS);
        List<ClientFactory> factories = new ArrayList<>();
        int mostStreamsHeld = 0;
        try (ArmeriaUnderTest server = ArmeriaUnderTest.start(TICK_RATE, false)) {
            List<PricingServiceStub> stubs = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                ClientFactory factory =
                        ClientFactory.builder().workerGroup(eventLoops, false).build();
                factories.add(factory);
                stubs.add(WatchClients.stub(server.port(), factory));
            }
            for (int streams : steps) {
                while (watchers.size() < streams) {
                    watchers.add(open(stubs.get(watchers.size() % CONNECTIONS), watchers.size(), totals));
                }
                awaitStartingPrices(totals, (long) streams * PRODUCTS_PER_STREAM);
                if (!measureStep(streams, totals, phases, results)) {
                    break;
                }
                mostStreamsHeld = streams;
            }
            watchers.forEach(LagWatcher::cancel);
        } finally {
            factories.forEach(ClientFactory::close);
            eventLoops.shutdownGracefully();
        }
        results.add(SECTION, "most streams held", mostStreamsHeld, Units.STREAMS);
        results.add(new Target(
                "8",
                "streams at 100 updates/s each with p99 lag <= 50 ms",
                mostStreamsHeld,
                Comparison.AT_LEAST,
                2_000,
                Units.STREAMS));
    }

    private static LagWatcher open(PricingServiceStub stub, int index, LagWatcher.Totals totals) {
        int firstProduct = index * PRODUCTS_PER_STREAM % PricingRequests.CATALOGUE_SIZE + 1;
        LagWatcher watcher = new LagWatcher(totals, firstProduct, PRODUCTS_PER_STREAM);
        stub.watchPrices(WatchClients.request(PricingRequests.productIds(firstProduct, PRODUCTS_PER_STREAM)), watcher);
        return watcher;
    }

    /** Waits until every open stream has the starting price of each of its products: the step measures changes. */
    private static void awaitStartingPrices(LagWatcher.Totals totals, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (totals.startingPrices.sum() < expected) {
            checkAlive(totals);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fan-out: " + totals.startingPrices.sum() + " starting prices after "
                        + START_TIMEOUT + " (expected: " + expected + ')');
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Measures one step and returns whether it held its rate and lag. */
    private static boolean measureStep(int streams, LagWatcher.Totals totals, LoadPhases phases, Results results)
            throws InterruptedException {
        Thread.sleep(phases.warmup().toMillis());
        checkAlive(totals);
        totals.lag.reset();
        long changesBefore = totals.changes.sum();
        long conflatedBefore = totals.conflated.sum();
        Thread.sleep(phases.measurement().toMillis());
        checkAlive(totals);
        LatencySummary lag = totals.lag.summarizeAndReset();
        double seconds = phases.measurement().toNanos() / 1e9;
        double perStream = (totals.changes.sum() - changesBefore) / seconds / streams;
        double p99LagMillis = lag.p99Micros() / 1_000;
        String step = streams + " streams: ";
        results.add(SECTION, step + "updates/s per stream", perStream, Units.UPDATES_PER_SECOND);
        results.add(SECTION, step + "all streams", perStream * streams, Units.UPDATES_PER_SECOND);
        results.add(SECTION, step + "p50 delivery lag", lag.p50Micros() / 1_000, Units.MILLIS);
        results.add(SECTION, step + "p99 delivery lag", p99LagMillis, Units.MILLIS);
        results.add(SECTION, step + "changes conflated away", totals.conflated.sum() - conflatedBefore, Units.COUNT);
        return perStream >= MIN_SHARE_OF_RATE * UPDATES_PER_STREAM_SECOND && p99LagMillis <= MAX_P99_LAG_MILLIS;
    }

    private static void checkAlive(LagWatcher.Totals totals) {
        Throwable failure = totals.failure.get();
        if (failure != null) {
            throw new IllegalStateException("fan-out: a watch ended early", failure);
        }
    }
}
