package io.tickscope.desktop.watchlist;

import java.time.Instant;

/**
 * The latest prices of one product with their times, oldest first, in a fixed ring of primitives: memory
 * stays the same however long the monitor runs, and adding a point allocates nothing. UI thread only.
 */
final class PriceHistory {

    private final long[] epochMillis;
    private final double[] prices;
    private int oldest;
    private int size;

    PriceHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 2)");
        }
        epochMillis = new long[capacity];
        prices = new double[capacity];
    }

    /** Adds a point, dropping the oldest when full; times never go backwards, so a point is never before the last. */
    void add(Instant time, double price) {
        long millis = time.toEpochMilli();
        if (size > 0) {
            millis = Math.max(millis, epochMillisAt(size - 1));
        }
        int slot;
        if (size < prices.length) {
            slot = (oldest + size) % prices.length;
            size++;
        } else {
            slot = oldest;
            oldest = (oldest + 1) % prices.length;
        }
        epochMillis[slot] = millis;
        prices[slot] = price;
    }

    void clear() {
        oldest = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    int capacity() {
        return prices.length;
    }

    /** Returns the time of the {@code index}-th point, 0 being the oldest held. */
    long epochMillisAt(int index) {
        return epochMillis[slotOf(index)];
    }

    /** Returns the price of the {@code index}-th point, 0 being the oldest held. */
    double priceAt(int index) {
        return prices[slotOf(index)];
    }

    private int slotOf(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index: " + index + " (expected: 0 to " + (size - 1) + ")");
        }
        return (oldest + index) % prices.length;
    }
}
