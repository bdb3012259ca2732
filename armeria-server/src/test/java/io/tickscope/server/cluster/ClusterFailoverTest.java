package io.tickscope.server.cluster;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PublishPricesRequest;
import io.tickscope.api.pricing.v1.PublishPricesResponse;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.server.testing.ClusterScope;
import io.tickscope.server.testing.FailoverWatcher;
import io.tickscope.server.testing.NatsClusters;
import io.tickscope.server.testing.ReplicaProcesses;
import io.tickscope.server.testing.ResponseFuture;
import io.tickscope.server.testing.ServerProcess;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas as separate processes (the real launcher) on loopback ports, sharing one cluster on the
 * machine's NATS, each with its own SQLite data directory from the same seed. 300 watchers spread over them
 * while a feeder publishes through whichever replica is alive and the elected market moves prices. Then
 * {@code kill -9}: first a replica that does not run the market (its watchers resume on a survivor within 2 s,
 * with no duplicate and no resync, checked from sequence numbers), then the one that does (the market resumes
 * on the last replica within 5 s, and the stream never shows two markets at once).
 */
class ClusterFailoverTest {

    private static final int REPLICAS = 3;
    private static final int WATCHERS = 300;
    private static final List<String> PRODUCTS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("P%05d", i))
            .toList();
    private static final Duration MAX_WATCH_RESUME = Duration.ofSeconds(2);
    private static final Duration MAX_MARKET_TAKEOVER = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    @RegisterExtension
    final ClusterScope cluster = new ClusterScope();

    @Test
    void watchersAndTheMarketMoveToSurvivorsWithoutDuplicatesOrTwoMarkets() throws Exception {
        long startedAt = System.nanoTime();
        List<ServerProcess> replicas = ReplicaProcesses.start(
                directory, REPLICAS, cluster.clusterName(), "--tick-rate", "100", "--seed", "42", "--rate-limit", "0");
        cluster.addAll(replicas);
        List<ManagedChannel> channels = replicas.stream().map(this::channel).toList();
        PriceStreamRecorder recorder = new PriceStreamRecorder(
                NatsClusters.SHARED_NATS,
                new ClusterSettings(NatsClusters.SHARED_NATS, cluster.clusterName(), "observer"));
        cluster.add(recorder);
        Feeder feeder = new Feeder(channels);
        cluster.add(feeder);

        List<FailoverWatcher> watchers = new ArrayList<>();
        WatchPricesRequest request =
                WatchPricesRequest.newBuilder().addAllProductIds(PRODUCTS).build();
        for (int i = 0; i < WATCHERS; i++) {
            FailoverWatcher watcher = new FailoverWatcher(channels, i % REPLICAS, request);
            cluster.add(watcher);
            watchers.add(watcher);
            watcher.start();
        }
        feeder.start();
        // Every watcher holds a snapshot of every product and has seen changes.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> watchers.stream().allMatch(w -> w.report().updates() > PRODUCTS.size() + 5));
        String holder =
                await().atMost(Duration.ofSeconds(20)).until(() -> lastMarketReplica(recorder), id -> id != null);

        // 1. kill -9 a replica that does not run the market.
        int victim = IntStream.range(0, REPLICAS)
                .filter(i -> !ReplicaProcesses.replicaId(i).equals(holder))
                .findFirst()
                .orElseThrow();
        List<FailoverWatcher> victimsWatchers =
                watchers.stream().filter(w -> w.replica() == victim).toList();
        replicas.get(victim).kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> victimsWatchers.stream()
                .allMatch(w -> w.report().streamsBroken() > 0 && !w.report().waiting()));
        long updatesAfterFirstKill = totalUpdates(watchers);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> totalUpdates(watchers) > updatesAfterFirstKill + WATCHERS * 5L);

        // 2. kill -9 the replica that runs the market.
        int holderIndex = IntStream.range(0, REPLICAS)
                .filter(i -> ReplicaProcesses.replicaId(i).equals(holder))
                .findFirst()
                .orElseThrow();
        int marketEntriesBefore = marketSources(recorder).size();
        replicas.get(holderIndex).kill();
        long marketKilledAt = System.nanoTime();
        String successor = await().atMost(MAX_MARKET_TAKEOVER.plusSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> firstOtherSource(recorder, marketEntriesBefore, holder), id -> id != null);
        Duration marketTakeover = Duration.ofNanos(System.nanoTime() - marketKilledAt);
        long updatesAfterSecondKill = totalUpdates(watchers);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> totalUpdates(watchers) > updatesAfterSecondKill + WATCHERS * 5L);

        List<FailoverWatcher.Report> reports =
                watchers.stream().map(FailoverWatcher::report).toList();
        long longestResume = reports.stream()
                .mapToLong(FailoverWatcher.Report::longestResumeNanos)
                .max()
                .orElse(0);
        List<String> runs = runs(marketSources(recorder));
        System.out.printf(
                "ClusterFailoverTest: %d watchers, %d updates; longest watch resume %d ms; market takeover %d ms"
                        + " (%s -> %s); market runs %s; duplicates %d, snapshots behind %d, resyncs %d, gaps within a"
                        + " stream %d, gaps filled by snapshots %d, %d feeder changes; %d s in all%n",
                WATCHERS,
                totalUpdates(watchers),
                TimeUnit.NANOSECONDS.toMillis(longestResume),
                marketTakeover.toMillis(),
                holder,
                successor,
                runs,
                reports.stream().mapToLong(FailoverWatcher.Report::duplicates).sum(),
                reports.stream()
                        .mapToLong(FailoverWatcher.Report::snapshotsBehind)
                        .sum(),
                reports.stream().mapToLong(FailoverWatcher.Report::resyncs).sum(),
                reports.stream()
                        .mapToLong(FailoverWatcher.Report::gapsWithinAStream)
                        .sum(),
                reports.stream()
                        .mapToLong(FailoverWatcher.Report::gapsFilledBySnapshots)
                        .sum(),
                feeder.published(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt));

        assertThat(reports).allSatisfy(report -> {
            assertThat(report.duplicates()).as("duplicates").isZero();
            assertThat(report.resyncs())
                    .as("resyncs: every replica reports the same incarnation")
                    .isZero();
            assertThat(report.waiting()).as("a watcher without a stream").isFalse();
        });
        assertThat(Duration.ofNanos(longestResume)).isLessThanOrEqualTo(MAX_WATCH_RESUME);
        assertThat(watchers.stream().filter(w -> w.report().streamsBroken() > 0).count())
                .as("watchers that moved: the first victim's, then the market holder's")
                .isGreaterThanOrEqualTo(2L * WATCHERS / REPLICAS);
        assertThat(successor).isNotEqualTo(holder);
        assertThat(marketTakeover).isLessThanOrEqualTo(MAX_MARKET_TAKEOVER);
        // Never two markets: in stream order each term's moves form one run, and no earlier term comes back.
        assertThat(runs).doesNotHaveDuplicates();
        assertThat(runs.get(runs.size() - 1)).startsWith(successor + "/");
    }

    private ManagedChannel channel(ServerProcess replica) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", replica.port())
                .usePlaintext()
                .build();
        cluster.add(channel::shutdownNow);
        return channel;
    }

    private static long totalUpdates(List<FailoverWatcher> watchers) {
        return watchers.stream().mapToLong(w -> w.report().updates()).sum();
    }

    private static List<String> marketSources(PriceStreamRecorder recorder) {
        return recorder.entries().stream()
                .filter(entry -> entry.origin().equals("MARKET"))
                .map(PriceStreamRecorder.Entry::source)
                .toList();
    }

    /** Returns the replica id of the latest market move recorded, null before any. */
    private static @Nullable String lastMarketReplica(PriceStreamRecorder recorder) {
        List<String> sources = marketSources(recorder);
        return sources.isEmpty() ? null : replicaOf(sources.get(sources.size() - 1));
    }

    /** Returns the replica of the first market move from {@code from} on that {@code holder} did not make. */
    private static @Nullable String firstOtherSource(PriceStreamRecorder recorder, int from, String holder) {
        List<String> sources = marketSources(recorder);
        return sources.subList(from, sources.size()).stream()
                .map(ClusterFailoverTest::replicaOf)
                .filter(replica -> !replica.equals(holder))
                .findFirst()
                .orElse(null);
    }

    private static String replicaOf(String source) {
        return source.substring(0, source.lastIndexOf('/'));
    }

    private static List<String> runs(List<String> sources) {
        List<String> runs = new ArrayList<>();
        for (String source : sources) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(source)) {
                runs.add(source);
            }
        }
        return runs;
    }

    /**
     * Publishes a change of one watched product every 20 ms, round-robin over the products, through the first
     * replica that takes it: so watched products change several times a second, written by every replica.
     */
    private static final class Feeder implements AutoCloseable {

        private final List<ManagedChannel> channels;
        private final Map<String, Currency> currencies = new HashMap<>();
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        private int next;
        private volatile long published;

        Feeder(List<ManagedChannel> channels) {
            this.channels = channels;
            for (String productId : PRODUCTS) {
                currencies.put(
                        productId,
                        Currency.getInstance(PricingServiceGrpc.newBlockingStub(channels.get(0))
                                .withDeadlineAfter(10, TimeUnit.SECONDS)
                                .getPrice(GetPriceRequest.newBuilder()
                                        .setProductId(productId)
                                        .build())
                                .getQuote()
                                .getListingCurrencyCode()));
            }
        }

        void start() {
            thread.scheduleWithFixedDelay(this::publishOne, 0, 20, TimeUnit.MILLISECONDS);
        }

        long published() {
            return published;
        }

        private void publishOne() {
            int index = next++;
            String productId = PRODUCTS.get(index % PRODUCTS.size());
            PublishPricesRequest change = PublishPricesRequest.newBuilder()
                    .setProductId(productId)
                    .setBasePrice(MoneyProtos.toProto(
                            new Amount(requireNonNull(currencies.get(productId), productId), 1_000 + index % 997)))
                    .build();
            for (int attempt = 0; attempt < channels.size(); attempt++) {
                ManagedChannel channel = channels.get((index + attempt) % channels.size());
                try {
                    ResponseFuture.<PublishPricesRequest, PublishPricesResponse>sendAll(
                            observer -> PricingServiceGrpc.newStub(channel)
                                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                                    .publishPrices(observer),
                            List.of(change));
                    published++;
                    return;
                } catch (Exception e) {
                    // That replica is gone (or lost a race): the next one takes the change.
                }
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }
}
