package io.tickscope.bench.clients;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out prepared requests in turn, from any thread, so that no call builds one on the hot path. */
final class Rotation<T> {

    private final List<T> items;
    private final AtomicInteger next = new AtomicInteger();

    Rotation(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items: none (expected: at least one)");
        }
        this.items = List.copyOf(items);
    }

    T next() {
        return items.get(Math.floorMod(next.getAndIncrement(), items.size()));
    }
}
