package io.tickscope.server.pricing;

import static io.tickscope.server.pricing.InMemoryProductStore.SEEDED_AT;
import static io.tickscope.server.pricing.PriceBusTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

    private static final Instant NOW = SEEDED_AT.plus(Duration.ofHours(1));

    @Test
    void makesTheConfiguredNumberOfChangesPerSecond() {
        PriceBook book = PriceBook.load(InMemoryProductStore.withProducts(200), Clock.systemUTC());
        long startNanos = System.nanoTime();
        try (MarketSimulator market = new MarketSimulator(book, 1, 5_000)) {
            market.start();

            eventually(() -> changesMade(book) >= 10_000);
        }

        // Batches run every 10 ms, starting at once, and each makes 50 changes: 10,000 changes take 200
        // batches, so at least 1.99 s. Running slower than the rate would have failed the wait.
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThan(Duration.ofMillis(1_900));
    }

    @Test
    void startsMovingWhenTheRateRisesFromZero() {
        PriceBook book = PriceBook.load(InMemoryProductStore.withProducts(20), Clock.systemUTC());
        try (MarketSimulator market = new MarketSimulator(book, 1, 0)) {
            market.start();
            assertThat(changesMade(book)).isZero();

            market.setChangesPerSecond(2_000);

            eventually(() -> changesMade(book) >= 100);
            assertThat(market.changesPerSecond()).isEqualTo(2_000);
        }
    }

    @Test
    void theSameSeedMakesTheSameMoves() {
        List<PriceUpdate> first = latestUpdatesAfterMoves(42);
        List<PriceUpdate> second = latestUpdatesAfterMoves(42);
        List<PriceUpdate> otherSeed = latestUpdatesAfterMoves(43);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.stream().mapToLong(PriceUpdate::sequenceNumber).sum() - first.size())
                .isEqualTo(20_000);
    }

    @Test
    void flashSalesTakeTenToFiftyPercentOffForHalfAMinuteToFiveMinutes() {
        List<Sale> sales = latestUpdatesAfterMoves(42).stream()
                .map(update -> update.listing().sale())
                .filter(Objects::nonNull)
                .toList();

        // One move in 2,000 starts a sale: about ten in 20,000 moves, with the clock standing still.
        assertThat(sales).hasSizeBetween(2, 30).allSatisfy(sale -> {
            assertThat(sale.discountBasisPoints()).isBetween(1_000, 5_000);
            assertThat(sale.endTime()).isBetween(NOW.plusSeconds(30), NOW.plusSeconds(300));
        });
    }

    @Test
    void eachMoveTakesAPriceAtMostThreeTenthsOfAPercent() {
        PriceBook book = PriceBook.load(InMemoryProductStore.withProducts(1), Clock.fixed(NOW, ZoneOffset.UTC));
        MarketSimulator market = new MarketSimulator(book, 7, 0);

        for (int i = 0; i < 1_000; i++) {
            long before = book.latestUpdate("P00001").listing().basePrice().minorUnits();
            market.makeMoves(1);
            long after = book.latestUpdate("P00001").listing().basePrice().minorUnits();
            // The price is about 10.00 USD, so 0.3 % is at most 3 cents, after rounding.
            assertThat(Math.abs(after - before)).isLessThanOrEqualTo(Math.round(before * 0.003));
        }
    }

    /**
     * A cluster's journal holds every change for a broker round trip: the market records different products'
     * changes side by side, so that its rate is not one round trip per change, and still makes exactly the moves
     * its seed draws, each product's in order.
     */
    @Test
    void withAJournalThatBlocksDifferentProductsChangeSideBySideAndTheMovesStayTheSame() {
        RoundTripJournal journal = new RoundTripJournal(Duration.ofMillis(2));
        PriceBook book =
                PriceBook.load(InMemoryProductStore.withProducts(50), Clock.fixed(NOW, ZoneOffset.UTC), journal);
        try (MarketSimulator market = new MarketSimulator(book, 42, 0)) {
            market.makeMoves(2_000);
        }

        assertThat(journal.mostInFlight()).isGreaterThan(1);
        List<PriceUpdate> inProcess = latestUpdatesAfterMoves(42, 2_000);
        assertThat(book.productIds().stream().map(book::latestUpdate).toList()).isEqualTo(inProcess);
    }

    private static List<PriceUpdate> latestUpdatesAfterMoves(long seed) {
        return latestUpdatesAfterMoves(seed, 20_000);
    }

    private static List<PriceUpdate> latestUpdatesAfterMoves(long seed, int moves) {
        PriceBook book = PriceBook.load(InMemoryProductStore.withProducts(50), Clock.fixed(NOW, ZoneOffset.UTC));
        new MarketSimulator(book, seed, 0).makeMoves(moves);
        return book.productIds().stream().map(book::latestUpdate).toList();
    }

    /** A journal like a broker's: each change counts only after a round trip; it notes how many wait at once. */
    private static final class RoundTripJournal implements PriceJournal {

        private final Duration roundTrip;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();

        RoundTripJournal(Duration roundTrip) {
            this.roundTrip = roundTrip;
        }

        int mostInFlight() {
            return mostInFlight.get();
        }

        @Override
        public long incarnation() {
            return 1;
        }

        @Override
        public boolean blocks() {
            return true;
        }

        @Override
        public void record(PriceUpdate update, Origin origin) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(roundTrip.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PriceJournalUnavailableException("interrupted", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void replay(Consumer<PriceUpdate> replica) {}

        @Override
        public void close() {}
    }

    private static long changesMade(PriceBook book) {
        return book.productIds().stream()
                .mapToLong(id -> book.latestUpdate(id).sequenceNumber() - 1)
                .sum();
    }
}
