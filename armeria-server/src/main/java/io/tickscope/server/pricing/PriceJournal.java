package io.tickscope.server.pricing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Where the {@link PriceBook}'s changes go before they count, and where changes made elsewhere come from.
 *
 * <p>In one process ({@link #inProcess()}, the default) a change counts as soon as the book applies it, and
 * nothing comes from elsewhere. In a cluster, a change counts once a broker that every replica shares has
 * stored it, and every replica's book applies the changes that the broker hands back, so all replicas show the
 * same sequence numbers under the same {@link #incarnation()}.
 */
public interface PriceJournal extends AutoCloseable {

    /** Who made a change: the market simulator or a feeder through PublishPrices. */
    enum Origin {
        MARKET,
        FEED
    }

    /**
     * Returns the number, above zero, within which sequence numbers compare: it changes only when the journal
     * forgets the sequence numbers it handed out (in process: at every start).
     */
    long incarnation();

    /** Returns whether {@link #record} waits for another process, so that callers keep it off event loops. */
    boolean blocks();

    /**
     * Makes {@code update}, the change that follows its product's latest update, count. Returns once it does;
     * the book then applies it. Called under the product's lock, so one product's changes are recorded one at a
     * time.
     *
     * @throws PriceConflictException when another writer recorded the product's next change first; the journal
     *     has handed that newer change to the book (on this thread) before it throws, so a retry builds on it
     * @throws PriceJournalUnavailableException when the change could not be recorded, or the caller may not
     *     make it (a market that no longer holds the cluster's market lease)
     */
    void record(PriceUpdate update, Origin origin);

    /**
     * Starts handing {@code replica} the changes recorded by others (and, harmlessly, by this process), in
     * order per product, and returns once it has handed over every change recorded before the call.
     */
    void replay(Consumer<PriceUpdate> replica);

    @Override
    void close();

    /** Returns the journal of a server alone: records nothing, replays nothing, one incarnation per start. */
    static PriceJournal inProcess() {
        long incarnation = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return new PriceJournal() {
            @Override
            public long incarnation() {
                return incarnation;
            }

            @Override
            public boolean blocks() {
                return false;
            }

            @Override
            public void record(PriceUpdate update, Origin origin) {}

            @Override
            public void replay(Consumer<PriceUpdate> replica) {}

            @Override
            public void close() {}
        };
    }
}
