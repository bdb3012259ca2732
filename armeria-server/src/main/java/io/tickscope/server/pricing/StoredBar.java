package io.tickscope.server.pricing;

import static java.util.Objects.requireNonNull;

/**
 * The open, high, low and close of the ticks of one product in one bucket of time, before quoting.
 *
 * @param bucketStartNanos the start of the bucket, in nanoseconds since the epoch
 * @param openTimeNanos the event time of the first tick, which decides which of two bars merged comes first
 * @param closeTimeNanos the event time of the last tick
 */
public record StoredBar(
        long bucketStartNanos,
        long openTimeNanos,
        StoredPrice open,
        StoredPrice high,
        StoredPrice low,
        long closeTimeNanos,
        StoredPrice close,
        long tickCount) {

    public StoredBar {
        requireNonNull(open, "open");
        requireNonNull(high, "high");
        requireNonNull(low, "low");
        requireNonNull(close, "close");
        if (tickCount < 1) {
            throw new IllegalArgumentException("tickCount: " + tickCount + " (expected: >= 1)");
        }
    }

    /** Returns the bar of one tick, in the bucket that starts at {@code bucketStartNanos}. */
    public static StoredBar of(long bucketStartNanos, PriceTick tick) {
        long time = tick.eventTimeNanos();
        return new StoredBar(bucketStartNanos, time, tick.price(), tick.price(), tick.price(), time, tick.price(), 1);
    }

    /** Returns this bar in the bucket that starts at {@code bucketStartNanos}, one that holds this bar's bucket. */
    public StoredBar inBucket(long bucketStartNanos) {
        return new StoredBar(bucketStartNanos, openTimeNanos, open, high, low, closeTimeNanos, close, tickCount);
    }

    /**
     * Returns the bar of this bar's ticks and {@code other}'s together, in the bucket that starts at {@code
     * bucketStartNanos}: the open of whichever opened first, the close of whichever closed last (this one on a
     * tie, as ticks are merged in the order they were stored).
     */
    public StoredBar merge(long bucketStartNanos, StoredBar other) {
        boolean otherOpensFirst = other.openTimeNanos < openTimeNanos;
        boolean otherClosesLast = other.closeTimeNanos >= closeTimeNanos;
        return new StoredBar(
                bucketStartNanos,
                otherOpensFirst ? other.openTimeNanos : openTimeNanos,
                otherOpensFirst ? other.open : open,
                other.high.compareTo(high) > 0 ? other.high : high,
                other.low.compareTo(low) < 0 ? other.low : low,
                otherClosesLast ? other.closeTimeNanos : closeTimeNanos,
                otherClosesLast ? other.close : close,
                Math.addExact(tickCount, other.tickCount));
    }
}
