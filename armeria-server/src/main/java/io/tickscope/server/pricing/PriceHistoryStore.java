package io.tickscope.server.pricing;

import io.tickscope.shared.time.BarResolution;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where price ticks and the minute, hour and day bars made of them are kept. Implementations block: call them from a
 * blocking executor or the history writer's thread, never from an event loop.
 */
public interface PriceHistoryStore {

    /** The lengths of the bars the store keeps, each up to date with the ticks. */
    Set<BarResolution> STORED_LENGTHS = Collections.unmodifiableSet(
            EnumSet.of(BarResolution.ONE_MINUTE, BarResolution.ONE_HOUR, BarResolution.ONE_DAY));

    /**
     * Stores {@code ticks}, in the order given, and merges each into the bar of its product and minute, hour and
     * day, all in one transaction. Several servers may append to one store at the same time.
     */
    void append(List<PriceTick> ticks);

    /**
     * Returns at most {@code limit} ticks of product {@code productId} with event times in [{@code fromNanos},
     * {@code toNanos}) that come after {@code after} ({@link TickPosition#START}: from the first), in stored order, each with its
     * position. {@code listingCurrency} is the product's.
     */
    List<StoredTick> ticks(
            String productId, Currency listingCurrency, long fromNanos, long toNanos, TickPosition after, int limit);

    /**
     * Returns the stored bars of {@code length} (one of {@link #STORED_LENGTHS}) of product {@code productId}
     * whose buckets hold a time in [{@code fromNanos}, {@code toNanos}), oldest first. {@code listingCurrency} is
     * the product's. Each bar's open and close time are its bucket's start: bars of one length never overlap, so
     * that orders them as their ticks' times would, which is all that merging them needs.
     */
    List<StoredBar> bars(
            String productId, Currency listingCurrency, BarResolution length, long fromNanos, long toNanos);

    /**
     * Deletes at most {@code limit} ticks, and at most as many bars of each length, from before {@code
     * beforeNanos} (a bar once all of its bucket is);
     * returns how many rows it deleted, so that a caller deletes in small transactions until none are left.
     */
    int prune(long beforeNanos, int limit);

    /** A tick and the position it was stored at, by which pages of ticks continue. */
    record StoredTick(PriceTick tick, TickPosition position) {}

    /** A place in one product's stored ticks: the event time, then the store's own order among equal times. */
    record TickPosition(long eventTimeNanos, long tickId) {

        /** The position before every tick. */
        public static final TickPosition START = new TickPosition(Long.MIN_VALUE, Long.MIN_VALUE);
    }
}
