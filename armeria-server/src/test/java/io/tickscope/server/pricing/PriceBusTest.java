package io.tickscope.server.pricing;

import static io.tickscope.server.pricing.InMemoryProductStore.SEEDED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.testing.MutableClock;
import io.tickscope.shared.money.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PriceBusTest {

    private final List<ExecutorService> executors = new ArrayList<>();
    private final MutableClock clock = new MutableClock(SEEDED_AT.plusSeconds(60));

    @AfterEach
    void stopExecutors() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void startsWithASnapshotOfEveryProductThenSendsEveryChangeInOrder() {
        PriceBook book = bookWithProducts(3);
        RecordingSink sink = new RecordingSink();

        book.bus().subscribe(Set.of(), newExecutor(), sink);
        eventually(() -> sink.receivedCount() == 3);
        book.publish("P00002", Amount.of("USD", "12.00"), null);
        eventually(() -> sink.receivedCount() == 4);
        book.publish("P00002", Amount.of("USD", "13.00"), null);
        eventually(() -> sink.receivedCount() == 5);

        assertThat(sink.received())
                .containsExactly(
                        snapshot("P00001", 1, "10.01"),
                        snapshot("P00002", 1, "10.02"),
                        snapshot("P00003", 1, "10.03"),
                        change("P00002", 2, "12.00"),
                        change("P00002", 3, "13.00"));
        assertThat(sink.brokenPromises()).isEmpty();
    }

    @Test
    void aSubscriptionToSomeProductsReceivesOnlyThose() {
        PriceBook book = bookWithProducts(3);
        RecordingSink sink = new RecordingSink();

        book.bus().subscribe(Set.of("P00002"), newExecutor(), sink);
        eventually(() -> sink.receivedCount() == 1);
        // Changes to other products would queue before this one, so they would arrive before it.
        book.publish("P00001", Amount.of("USD", "11.00"), null);
        book.publish("P00003", Amount.of("USD", "11.00"), null);
        book.publish("P00002", Amount.of("USD", "12.00"), null);
        eventually(() -> sink.receivedCount() == 2);

        assertThat(sink.received()).containsExactly(snapshot("P00002", 1, "10.02"), change("P00002", 2, "12.00"));
    }

    @Test
    void rejectsASubscriptionToAnUnknownProduct() {
        PriceBook book = bookWithProducts(3);

        assertThatThrownBy(() -> book.bus().subscribe(Set.of("P00001", "P99999"), newExecutor(), new RecordingSink()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("product not found: \"P99999\"");
    }

    @Test
    void aWatcherThatFallsBehindReceivesTheLatestChangeOfEachProductOnceReady() {
        PriceBook book = bookWithProducts(3);
        RecordingSink sink = new RecordingSink();
        PriceSubscription subscription = book.bus().subscribe(Set.of(), newExecutor(), sink);
        eventually(() -> sink.receivedCount() == 3);

        sink.ready(false);
        book.publish("P00003", Amount.of("USD", "11.00"), null);
        book.publish("P00001", Amount.of("USD", "11.00"), null);
        book.publish("P00003", Amount.of("USD", "12.00"), null);
        book.publish("P00003", Amount.of("USD", "13.00"), null);
        assertThat(subscription.backlog()).isEqualTo(2);
        sink.ready(true);
        subscription.onReady();
        eventually(() -> sink.receivedCount() == 5);

        assertThat(sink.received().subList(3, 5))
                .containsExactly(change("P00003", 4, "13.00"), change("P00001", 2, "11.00"));
        assertThat(subscription.backlog()).isZero();
    }

    @Test
    void aSnapshotOvertakenByChangesBeforeDeliveryStaysASnapshotOfTheLatestState() {
        PriceBook book = bookWithProducts(3);
        RecordingSink sink = new RecordingSink().ready(false);
        PriceSubscription subscription = book.bus().subscribe(Set.of(), newExecutor(), sink);

        for (int i = 1; i <= 5; i++) {
            book.publish("P00001", Amount.of("USD", "20.0" + i), null);
        }
        book.publish("P00002", Amount.of("USD", "30.00"), null);
        assertThat(subscription.backlog()).isEqualTo(3);
        sink.ready(true);
        subscription.onReady();
        eventually(() -> sink.receivedCount() == 3);

        assertThat(sink.received())
                .containsExactly(
                        snapshot("P00001", 6, "20.05"), snapshot("P00002", 2, "30.00"), snapshot("P00003", 1, "10.03"));
    }

    @Test
    void aStalledWatcherNeitherDelaysAFastOneNorHoldsMoreThanOneUpdatePerProduct() throws Exception {
        int productCount = 1_000;
        int changeCount = 100_000;
        PriceBook book = bookWithProducts(productCount);
        // The publisher runs at most 500 changes ahead of the fast watcher. As it changes the products in
        // turn, those 500 are of different products, so the fast watcher never needs to skip a change:
        // it must receive every one.
        Semaphore window = new Semaphore(500);
        RecordingSink fast = new RecordingSink() {
            @Override
            void onDelivered(PriceUpdate update) {
                if (update.kind() == PriceUpdate.Kind.CHANGE) {
                    window.release();
                }
            }
        };
        RecordingSink stalled = new RecordingSink().ready(false);
        PriceSubscription stalledSubscription = book.bus().subscribe(Set.of(), newExecutor(), stalled);
        book.bus().subscribe(Set.of(), newExecutor(), fast);
        eventually(() -> fast.receivedCount() == productCount);

        Future<?> market = newExecutor().submit(() -> {
            for (int i = 0; i < changeCount; i++) {
                assertThat(window.tryAcquire(10, TimeUnit.SECONDS))
                        .as("the fast watcher received change %d in time", i - 500)
                        .isTrue();
                book.applyMarketMove(book.productIds().get(i % productCount), 1, null);
                assertThat(stalledSubscription.backlog()).isLessThanOrEqualTo(productCount);
            }
            return null;
        });
        market.get(60, TimeUnit.SECONDS);
        eventually(() -> fast.receivedCount() == productCount + changeCount);

        assertThat(fast.brokenPromises()).isEmpty();
        for (String productId : book.productIds()) {
            assertThat(fast.latestSequenceNumber(productId)).isEqualTo(1 + changeCount / productCount);
        }
        assertThat(stalled.receivedCount()).isZero();
        assertThat(stalledSubscription.backlog()).isEqualTo(productCount);

        stalled.ready(true);
        stalledSubscription.onReady();
        eventually(() -> stalled.receivedCount() == productCount);
        assertThat(stalled.received()).allSatisfy(update -> {
            assertThat(update.kind()).isEqualTo(PriceUpdate.Kind.SNAPSHOT);
            assertThat(update.sequenceNumber()).isEqualTo(1 + changeCount / productCount);
        });
    }

    @Test
    void everyWatcherSeesSnapshotsFirstAndChangesInOrderWhileTheMarketRuns() throws Exception {
        PriceBook book = bookWithProducts(100);
        // Two threads deliver for all watchers, so consecutive drains of one watcher may run on either.
        ExecutorService deliveryThreads = Executors.newFixedThreadPool(2);
        executors.add(deliveryThreads);
        Future<?> market = newExecutor().submit(() -> {
            for (int i = 0; i < 20_000; i++) {
                book.applyMarketMove(book.productIds().get(i % 100), i % 2 == 0 ? 1 : -1, null);
            }
        });
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordingSink sink = new RecordingSink();
            sinks.add(sink);
            book.bus().subscribe(i % 2 == 0 ? Set.of() : Set.of("P00001", "P00050", "P00100"), deliveryThreads, sink);
        }
        market.get(60, TimeUnit.SECONDS);

        for (RecordingSink sink : sinks) {
            eventually(() -> sink.latestSequenceNumber("P00050")
                            == book.latestUpdate("P00050").sequenceNumber()
                    && sink.latestSequenceNumber("P00100")
                            == book.latestUpdate("P00100").sequenceNumber());
            assertThat(sink.brokenPromises()).isEmpty();
        }
    }

    @Test
    void neverLosesAnOnReadySignalThatRacesWithDelivery() throws Exception {
        PriceBook book = bookWithProducts(10);
        ExecutorService transport = newExecutor();
        CompletableFuture<PriceSubscription> subscription = new CompletableFuture<>();
        AtomicInteger readyChecks = new AtomicInteger();
        // Like a transport whose buffer fills now and then: it says "not ready" and, moments later on its
        // own thread, signals that it is ready again.
        RecordingSink sink = new RecordingSink() {
            @Override
            public boolean isReady() {
                if (readyChecks.incrementAndGet() % 3 != 0) {
                    return super.isReady();
                }
                subscription.thenAcceptAsync(PriceSubscription::onReady, transport);
                return false;
            }
        };
        subscription.complete(book.bus().subscribe(Set.of(), newExecutor(), sink));

        for (int i = 0; i < 50_000; i++) {
            book.applyMarketMove(book.productIds().get(i % 10), 1, null);
        }

        eventually(() -> book.productIds().stream()
                .allMatch(id ->
                        sink.latestSequenceNumber(id) == book.latestUpdate(id).sequenceNumber()));
        assertThat(sink.brokenPromises()).isEmpty();
    }

    @Test
    void closingStopsDeliveryAndDropsTheBacklog() {
        PriceBook book = bookWithProducts(3);
        // Both watchers deliver on one thread, and the closed one was offered updates first: had it still
        // received the change, it would have done so before the open one.
        ExecutorService deliveryThread = newExecutor();
        RecordingSink closed = new RecordingSink();
        RecordingSink open = new RecordingSink();
        PriceSubscription closedSubscription = book.bus().subscribe(Set.of(), deliveryThread, closed);
        book.bus().subscribe(Set.of(), deliveryThread, open);
        eventually(() -> closed.receivedCount() == 3 && open.receivedCount() == 3);

        closedSubscription.close();
        book.publish("P00001", Amount.of("USD", "11.00"), null);
        eventually(() -> open.receivedCount() == 4);

        assertThat(closed.receivedCount()).isEqualTo(3);
        assertThat(closedSubscription.isOpen()).isFalse();
        assertThat(closedSubscription.backlog()).isZero();
    }

    @Test
    void aFailingSinkClosesOnlyItsOwnSubscription() {
        PriceBook book = bookWithProducts(3);
        AtomicInteger changesOffered = new AtomicInteger();
        RecordingSink failing = new RecordingSink() {
            @Override
            void onDelivered(PriceUpdate update) {
                if (update.kind() == PriceUpdate.Kind.CHANGE) {
                    changesOffered.incrementAndGet();
                    throw new IllegalStateException("the watcher's stream is gone");
                }
            }
        };
        RecordingSink healthy = new RecordingSink();
        PriceSubscription failingSubscription = book.bus().subscribe(Set.of("P00001"), newExecutor(), failing);
        PriceSubscription healthySubscription = book.bus().subscribe(Set.of("P00001"), newExecutor(), healthy);
        eventually(() -> failing.receivedCount() == 1 && healthy.receivedCount() == 1);

        book.publish("P00001", Amount.of("USD", "11.00"), null);
        eventually(() -> !failingSubscription.isOpen() && healthy.receivedCount() == 2);
        book.publish("P00001", Amount.of("USD", "12.00"), null);
        eventually(() -> healthy.receivedCount() == 3);

        assertThat(changesOffered).hasValue(1);
        assertThat(healthySubscription.isOpen()).isTrue();
    }

    private PriceBook bookWithProducts(int count) {
        return PriceBook.load(InMemoryProductStore.withProducts(count), clock);
    }

    private ExecutorService newExecutor() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executors.add(executor);
        return executor;
    }

    private PriceUpdate snapshot(String productId, long sequenceNumber, String price) {
        return update(productId, sequenceNumber, price, PriceUpdate.Kind.SNAPSHOT);
    }

    private PriceUpdate change(String productId, long sequenceNumber, String price) {
        return update(productId, sequenceNumber, price, PriceUpdate.Kind.CHANGE);
    }

    /** Returns the update the book makes: seeded at sequence number 1, changed at the clock's time after. */
    private PriceUpdate update(String productId, long sequenceNumber, String price, PriceUpdate.Kind kind) {
        Instant time = sequenceNumber == 1 ? SEEDED_AT : clock.instant();
        String name = "Product " + Integer.parseInt(productId.substring(1));
        ProductListing listing = new ProductListing(productId, name, Amount.of("USD", price), null, time);
        return new PriceUpdate(listing, sequenceNumber, time, kind);
    }

    static void eventually(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(condition::getAsBoolean);
    }
}
