package io.tickscope.server.pricing;

import static io.tickscope.server.pricing.InMemoryProductStore.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tickscope.shared.money.Amount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The price book's side of its journal, with a scripted journal: a change counts only once recorded, a refused
 * one leaves the book as it was, one that lost a race is built again on the winner's state, and replicated
 * changes reach watchers once and in order. The NATS journal itself is tested against NATS in the cluster tests.
 */
class PriceBookJournalTest {

    private final ScriptedJournal journal = new ScriptedJournal();
    private final PriceBook book = PriceBook.load(InMemoryProductStore.withProducts(3), Clock.systemUTC(), journal);

    @Test
    void aChangeIsRecordedWithItsOriginBeforeTheBookAppliesIt() {
        book.publish("P00001", new Amount(USD, 5_000), null);
        book.applyMarketMove("P00002", 100, null);

        assertThat(journal.recorded)
                .extracting(Recorded::productId, Recorded::sequenceNumber, Recorded::origin)
                .containsExactly(
                        tuple("P00001", 2L, PriceJournal.Origin.FEED), tuple("P00002", 2L, PriceJournal.Origin.MARKET));
        assertThat(book.latestUpdate("P00001").sequenceNumber()).isEqualTo(2);
        assertThat(book.incarnation()).isEqualTo(ScriptedJournal.INCARNATION);
    }

    @Test
    void aChangeTheJournalRefusesLeavesTheBookAndItsWatchersAsTheyWere() {
        RecordingSink sink = new RecordingSink();
        book.bus().subscribe(Set.of("P00001"), Runnable::run, sink);
        journal.refuseNext = new PriceJournalUnavailableException("broker away");

        assertThatThrownBy(() -> book.publish("P00001", new Amount(USD, 5_000), null))
                .isInstanceOf(PriceJournalUnavailableException.class);
        assertThat(book.latestUpdate("P00001").sequenceNumber()).isEqualTo(1);
        assertThat(book.latestUpdate("P00001").listing().basePrice()).isEqualTo(new Amount(USD, 1_001));
        assertThat(sink.receivedCount()).as("the snapshot only").isEqualTo(1);
    }

    @Test
    void aChangeThatLostARaceIsBuiltAgainOnTheWinnersState() {
        // Another replica stored change 2 first: the journal hands it over, then refuses this book's change 2.
        PriceUpdate winner = new PriceUpdate(
                new ProductListing("P00001", "Product 1", new Amount(USD, 2_000), null, Instant.now()),
                2,
                Instant.now(),
                PriceUpdate.Kind.CHANGE);
        journal.conflictNextWith = winner;

        book.applyMarketMove("P00001", 1_000, null);

        // The move (+10 %) applies to the winner's price, as change 3.
        assertThat(book.latestUpdate("P00001").sequenceNumber()).isEqualTo(3);
        assertThat(book.latestUpdate("P00001").listing().basePrice()).isEqualTo(new Amount(USD, 2_200));
        assertThat(journal.recorded).extracting(Recorded::sequenceNumber).containsExactly(2L, 3L);
    }

    @Test
    void replicatedChangesReachWatchersOnceAndInOrder() {
        RecordingSink sink = new RecordingSink();
        book.bus().subscribe(Set.of("P00003"), Runnable::run, sink);

        journal.replica.accept(change("P00003", 2, 1_100));
        journal.replica.accept(change("P00003", 2, 1_100)); // This replica's own change, coming back.
        journal.replica.accept(change("P00003", 4, 1_300)); // Change 3 was replaced in the stream before it came.
        journal.replica.accept(change("P00003", 3, 1_200)); // Older than what the book holds.

        assertThat(sink.received()).extracting(PriceUpdate::sequenceNumber).containsExactly(1L, 2L, 4L);
        assertThat(sink.brokenPromises()).isEmpty();
        assertThat(book.latestUpdate("P00003").listing().basePrice()).isEqualTo(new Amount(USD, 1_300));
    }

    private static PriceUpdate change(String productId, long sequenceNumber, long minorUnits) {
        Instant now = Instant.now();
        return new PriceUpdate(
                new ProductListing(productId, "Product", new Amount(USD, minorUnits), null, now),
                sequenceNumber,
                now,
                PriceUpdate.Kind.CHANGE);
    }

    private record Recorded(String productId, long sequenceNumber, PriceJournal.Origin origin) {}

    /** A journal that records what it is given and refuses or loses a race when told to. */
    private static final class ScriptedJournal implements PriceJournal {

        static final long INCARNATION = 77;

        final List<Recorded> recorded = new ArrayList<>();
        Consumer<PriceUpdate> replica = update -> {};

        @Nullable
        RuntimeException refuseNext;

        @Nullable
        PriceUpdate conflictNextWith;

        @Override
        public long incarnation() {
            return INCARNATION;
        }

        @Override
        public boolean blocks() {
            return false;
        }

        @Override
        public void record(PriceUpdate update, Origin origin) {
            recorded.add(new Recorded(update.productId(), update.sequenceNumber(), origin));
            RuntimeException refusal = refuseNext;
            if (refusal != null) {
                refuseNext = null;
                throw refusal;
            }
            PriceUpdate winner = conflictNextWith;
            if (winner != null) {
                conflictNextWith = null;
                replica.accept(winner);
                throw new PriceConflictException("lost to " + winner);
            }
        }

        @Override
        public void replay(Consumer<PriceUpdate> replica) {
            this.replica = replica;
        }

        @Override
        public void close() {}
    }
}
