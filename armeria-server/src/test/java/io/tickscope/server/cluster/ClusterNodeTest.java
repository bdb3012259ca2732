package io.tickscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickscope.server.pricing.InMemoryProductStore;
import io.tickscope.server.pricing.MarketSimulator;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceConflictException;
import io.tickscope.server.pricing.PriceJournalUnavailableException;
import io.tickscope.server.testing.NatsClusters;
import io.tickscope.shared.money.Amount;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas of one cluster, in this JVM, on the machine's NATS: each test its own cluster name, so its own stream
 * and lease bucket, deleted afterwards.
 */
class ClusterNodeTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final int PRODUCTS = 20;

    private final String clusterName = NatsClusters.uniqueName();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void leaveAndDelete() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        NatsClusters.delete(NatsClusters.SHARED_NATS, clusterName);
    }

    @Test
    void aChangeOnOneReplicaReachesTheOtherWithTheSameSequenceNumberAndIncarnation() {
        Replica a = replica("a");
        Replica b = replica("b");

        a.book.publish("P00001", new Amount(USD, 5_000), null);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(b.book.latestUpdate("P00001").sequenceNumber())
                        .isEqualTo(2));
        assertThat(b.book.latestUpdate("P00001").listing().basePrice()).isEqualTo(new Amount(USD, 5_000));
        assertThat(b.book.incarnation()).isEqualTo(a.book.incarnation()).isPositive();

        // B builds on A's change: its change is the product's third, on both replicas.
        b.book.publish("P00001", new Amount(USD, 6_000), null);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(a.book.latestUpdate("P00001").sequenceNumber())
                        .isEqualTo(3));
        assertThat(a.book.latestUpdate("P00001").listing().basePrice()).isEqualTo(new Amount(USD, 6_000));
    }

    @Test
    void replicasWritingOneProductAtOnceNeverReuseASequenceNumber() throws Exception {
        Replica a = replica("a");
        Replica b = replica("b");
        ClusterSettings cluster = settings("observer");
        PriceStreamRecorder recorder = new PriceStreamRecorder(NatsClusters.SHARED_NATS, cluster);
        opened.add(recorder);
        int perReplica = 150;
        int storedCount;

        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> written = new ArrayList<>();
            for (Replica replica : List.of(a, b)) {
                written.add(writers.submit(() -> {
                    int stored = 0;
                    for (int i = 1; i <= perReplica; i++) {
                        try {
                            replica.book.publish("P00002", new Amount(USD, 1_000 + i), null);
                            stored++;
                        } catch (PriceConflictException e) {
                            // Lost the race several times in a row: refused, as ABORTED to a feeder.
                        }
                    }
                    return stored;
                }));
            }
            storedCount = written.get(0).get() + written.get(1).get();
        } finally {
            writers.shutdownNow();
        }
        // Writers racing flat out on one product lose now and then, but rarely more than a few retries in a row.
        assertThat(storedCount).isGreaterThan(perReplica * 3 / 2);

        long last = 1 + storedCount;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(a.book.latestUpdate("P00002").sequenceNumber()).isEqualTo(last);
            assertThat(b.book.latestUpdate("P00002").sequenceNumber()).isEqualTo(last);
            assertThat(recorder.entries())
                    .last()
                    .extracting(PriceStreamRecorder.Entry::sequenceNumber)
                    .isEqualTo(last);
        });
        // In stream order, the product's sequence numbers only grow: none is stored twice. A reader may miss any
        // number of them (the stream keeps only the latest change of a product and drops the one before as the next
        // arrives; how many a busy machine's reader misses is timing), so what it saw is judged by order alone; that
        // none was reused is the last number above, one more than the changes stored.
        List<Long> sequenceNumbers = recorder.entries().stream()
                .map(PriceStreamRecorder.Entry::sequenceNumber)
                .toList();
        assertThat(sequenceNumbers).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(1);
        assertThat(recorder.entries().stream()
                        .map(PriceStreamRecorder.Entry::source)
                        .distinct())
                .containsExactlyInAnyOrder(a.id, b.id);
        // Every watcher of either replica saw the changes in order; the bus checks each watcher's order itself.
        assertThat(b.book.latestUpdate("P00002").listing().basePrice())
                .isEqualTo(a.book.latestUpdate("P00002").listing().basePrice());
    }

    @Test
    void aReplicaThatJoinsLaterStartsFromTheLatestChangeOfEveryProduct() {
        Replica a = replica("a");
        for (int i = 1; i <= 5; i++) {
            a.book.publish("P00003", new Amount(USD, 2_000 + i), null);
            a.book.publish("P00004", new Amount(USD, 3_000 + i), null);
        }

        Replica late = replica("late");

        assertThat(late.book.latestUpdate("P00003").sequenceNumber()).isEqualTo(6);
        assertThat(late.book.latestUpdate("P00003").listing().basePrice()).isEqualTo(new Amount(USD, 2_005));
        assertThat(late.book.latestUpdate("P00004").sequenceNumber()).isEqualTo(6);
        assertThat(late.book.latestUpdate("P00005").sequenceNumber()).isEqualTo(1);
        assertThat(late.book.incarnation()).isEqualTo(a.book.incarnation());
    }

    @Test
    void exactlyOneReplicaRunsTheMarketAndAnotherTakesOverWhenItLeaves() throws Exception {
        Replica a = replica("a");
        Replica b = replica("b");
        PriceStreamRecorder recorder = new PriceStreamRecorder(NatsClusters.SHARED_NATS, settings("observer"));
        opened.add(recorder);
        a.startMarket(200);
        b.startMarket(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> a.node.holdsMarket() || b.node.holdsMarket());
        Replica holder = a.node.holdsMarket() ? a : b;
        Replica other = holder == a ? b : a;
        assertThat(other.node.holdsMarket()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.entries().size() >= 50);

        // The follower's market is paused and its journal refuses market moves: only the holder moves prices.
        assertThat(other.market.changesPerSecond()).isZero();
        assertThatThrownBy(() -> other.book.applyMarketMove("P00001", 10, null))
                .isInstanceOf(PriceJournalUnavailableException.class)
                .hasMessageContaining("does not hold the market lease");

        holder.close();
        long leftAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(other.node::holdsMarket);
        Duration takeover = Duration.ofNanos(System.nanoTime() - leftAt);
        assertThat(takeover)
                .as("a replica that hands the lease back is replaced at once")
                .isLessThan(Duration.ofSeconds(2));
        int before = recorder.entries().size();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.entries().size() >= before + 50);

        List<String> marketSources = recorder.entries().stream()
                .filter(entry -> entry.origin().equals("MARKET"))
                .map(PriceStreamRecorder.Entry::source)
                .toList();
        assertThat(sourceRuns(marketSources))
                .as("market sources in stream order: one run per term, never interleaved")
                .hasSize(2)
                .allSatisfy(source -> assertThat(source).matches(".+/[0-9]+"));
        assertThat(sourceRuns(marketSources).get(0)).startsWith(holder.id + "/");
        assertThat(sourceRuns(marketSources).get(1)).startsWith(other.id + "/");
    }

    @Test
    void aHolderCutOffFromNatsFencesItselfBeforeAnotherTakesOver() throws Exception {
        Replica a = replica("a");
        a.startMarket(100);
        await().atMost(Duration.ofSeconds(5)).until(a.node::holdsMarket);
        Replica b = replica("b");
        List<Long> acquiredAt = new CopyOnWriteArrayList<>();
        b.node.electMarket(
                rate -> {
                    if (rate > 0) {
                        acquiredAt.add(System.nanoTime());
                    }
                },
                100);

        // A's connection goes away without A handing the lease back, as when its network fails.
        a.node.connection().close();
        long cutAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> !a.node.holdsMarket());
        long fencedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(6)).until(() -> !acquiredAt.isEmpty());

        assertThat(Duration.ofNanos(fencedAt - cutAt)).isLessThanOrEqualTo(MarketLease.TTL);
        assertThat(acquiredAt.get(0))
                .as("B takes over only after A fenced itself")
                .isGreaterThan(fencedAt);
        assertThat(Duration.ofNanos(acquiredAt.get(0) - cutAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(a.market.changesPerSecond()).isZero();
    }

    /** Returns the sources of consecutive runs: [x, x, y, y, x] gives [x, y, x]. */
    private static List<String> sourceRuns(List<String> sources) {
        List<String> runs = new ArrayList<>();
        for (String source : sources) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(source)) {
                runs.add(source);
            }
        }
        return runs;
    }

    private ClusterSettings settings(String replicaId) {
        return new ClusterSettings(NatsClusters.SHARED_NATS, clusterName, replicaId);
    }

    private Replica replica(String replicaId) {
        ClusterNode node = ClusterNode.join(settings(replicaId));
        PriceBook book = PriceBook.load(InMemoryProductStore.withProducts(PRODUCTS), Clock.systemUTC(), node.journal());
        MarketSimulator market = new MarketSimulator(book, 7, 0);
        Replica replica = new Replica(replicaId, node, book, market);
        opened.add(replica);
        return replica;
    }

    /** One replica's cluster membership, book and market, as the backend wires them. */
    private static final class Replica implements AutoCloseable {
        final String id;
        final ClusterNode node;
        final PriceBook book;
        final MarketSimulator market;
        private boolean closed;

        Replica(String id, ClusterNode node, PriceBook book, MarketSimulator market) {
            this.id = id;
            this.node = node;
            this.book = book;
            this.market = market;
        }

        void startMarket(int rate) {
            market.start();
            node.electMarket(market::setChangesPerSecond, rate);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                node.close();
                market.close();
            }
        }
    }
}
