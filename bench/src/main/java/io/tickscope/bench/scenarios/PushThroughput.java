package io.tickscope.bench.scenarios;

import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.api.pricing.v1.WatchPriceBatchesRequest;
import io.tickscope.bench.clients.ClientEventLoop;
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
 * Target 7: the updates per second one stream of the whole catalogue delivers from a server whose market
 * changes prices as fast as the server allows (1,000,000 a second). What the market cannot produce or the
 * stream cannot carry shows as changes per second below that, or as conflated changes.
 *
 * <p>Three streams, each from a server of its own: WatchPrices (one update a message) and WatchPriceBatches
 * (the same updates, several a message) from a server that stores no history ({@code --history off}), then
 * WatchPriceBatches from a server that stores every change (the default). The target measures the stream, so
 * it is judged on the batches without history; the other two stay in view beside it: the cost of a message
 * per update, and the history writer's thread, which at this rate takes most of one of the two cores.
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
        Figures single = measure(phases, false, Stream.WATCH_PRICES);
        Figures batches = measure(phases, false, Stream.WATCH_PRICE_BATCHES);
        Figures batchesWithHistory = measure(phases, true, Stream.WATCH_PRICE_BATCHES);
        results.add(SECTION, "market rate asked for", TICK_RATE, Units.UPDATES_PER_SECOND);
        single.addTo(results, "WatchPrices, history off");
        batches.addTo(results, "WatchPriceBatches, history off");
        batchesWithHistory.addTo(results, "WatchPriceBatches, history on (the default)");
        results.add(
                SECTION,
                "history on: history writer CPU per change made",
                batchesWithHistory.covered == 0
                        ? Double.NaN
                        : (double) batchesWithHistory.historyCpu / batchesWithHistory.covered,
                Units.NANOS_PER_OP);
        results.add(
                SECTION,
                "WatchPriceBatches / WatchPrices: updates delivered, history off",
                ratio(batches.deliveredPerSecond(), single.deliveredPerSecond()),
                Units.RATIO);
        results.add(
                SECTION,
                "WatchPriceBatches, history on / off: updates delivered",
                ratio(batchesWithHistory.deliveredPerSecond(), batches.deliveredPerSecond()),
                Units.RATIO);
        results.add(new Target(
                "7",
                "push on one stream (WatchPriceBatches, history off)",
                batches.deliveredPerSecond(),
                Comparison.AT_LEAST,
                500_000,
                Units.UPDATES_PER_SECOND));
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    /** The two ways to watch prices on one stream. */
    private enum Stream {
        WATCH_PRICES {
            @Override
            PushCounter<?, ?> open(PricingServiceStub stub) {
                var counter = PushCounter.ofWatchPrices();
                stub.watchPrices(WatchClients.request(List.of()), counter);
                return counter;
            }
        },
        WATCH_PRICE_BATCHES {
            @Override
            PushCounter<?, ?> open(PricingServiceStub stub) {
                var counter = PushCounter.ofWatchPriceBatches();
                stub.watchPriceBatches(
                        WatchPriceBatchesRequest.newBuilder()
                                .setWatch(WatchClients.request(List.of()))
                                .build(),
                        counter);
                return counter;
            }
        };

        /** Opens a watch of the whole catalogue on {@code stub}, counted by the counter returned. */
        abstract PushCounter<?, ?> open(PricingServiceStub stub);
    }

    private static Figures measure(LoadPhases phases, boolean storesHistory, Stream stream)
            throws InterruptedException {
        // The client reads on an event loop of its own, as a client process would (see ClientEventLoop).
        try (ArmeriaUnderTest server = ArmeriaUnderTest.start(TICK_RATE, storesHistory);
                ClientEventLoop clientEventLoop = new ClientEventLoop()) {
            PushCounter<?, ?> counter = stream.open(WatchClients.stub(server.port(), clientEventLoop.factory()));
            Thread.sleep(phases.warmup().toMillis());
            counter.checkAlive();
            long messagesBefore = counter.messages();
            long deliveredBefore = counter.changesDelivered();
            long coveredBefore = counter.changesCovered();
            long marketCpuBefore = ThreadCpu.nanosOf(MARKET_THREAD);
            long historyCpuBefore = ThreadCpu.nanosOf(HISTORY_THREAD);
            Thread.sleep(phases.measurement().toMillis());
            counter.checkAlive();
            Figures figures = new Figures(
                    phases.measurement().toNanos() / 1e9,
                    counter.messages() - messagesBefore,
                    counter.changesDelivered() - deliveredBefore,
                    counter.changesCovered() - coveredBefore,
                    ThreadCpu.nanosOf(MARKET_THREAD) - marketCpuBefore,
                    ThreadCpu.nanosOf(HISTORY_THREAD) - historyCpuBefore);
            counter.cancel();
            return figures;
        }
    }

    /** What one server's stream delivered in the measurement window. */
    private record Figures(
            double seconds, long messages, long delivered, long covered, long marketCpu, long historyCpu) {

        double deliveredPerSecond() {
            return delivered / seconds;
        }

        void addTo(Results results, String stream) {
            results.add(
                    SECTION,
                    stream + ": market changes made (from sequence numbers)",
                    covered / seconds,
                    Units.UPDATES_PER_SECOND);
            results.add(
                    SECTION,
                    stream + ": updates delivered to the client",
                    deliveredPerSecond(),
                    Units.UPDATES_PER_SECOND);
            results.add(
                    SECTION,
                    stream + ": updates per message",
                    messages == 0 ? Double.NaN : (double) delivered / messages,
                    Units.UPDATES_PER_MESSAGE);
            results.add(
                    SECTION,
                    stream + ": market thread CPU per change made (steady on a busy machine)",
                    marketCpu < 0 || covered == 0 ? Double.NaN : (double) marketCpu / covered,
                    Units.NANOS_PER_OP);
            results.add(
                    SECTION,
                    stream + ": changes conflated away",
                    covered == 0 ? 0 : 1 - (double) delivered / covered,
                    Units.RATIO);
        }
    }
}
