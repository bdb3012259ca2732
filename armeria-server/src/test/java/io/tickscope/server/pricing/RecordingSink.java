package io.tickscope.server.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sink that records what it receives and checks the bus's promises as it goes: never called concurrently,
 * a snapshot first for every product, then changes with growing sequence numbers.
 */
class RecordingSink implements PriceSink {

    private final List<PriceUpdate> received = new ArrayList<>();
    private final Map<String, Long> latestSequenceNumbers = new HashMap<>();
    private final List<String> brokenPromises = new ArrayList<>();
    private final AtomicBoolean inside = new AtomicBoolean();

    private volatile boolean ready = true;

    RecordingSink ready(boolean ready) {
        this.ready = ready;
        return this;
    }

    @Override
    public boolean isReady() {
        enter();
        try {
            return ready;
        } finally {
            inside.set(false);
        }
    }

    @Override
    public void deliver(PriceUpdate update) {
        enter();
        try {
            synchronized (this) {
                Long previous = latestSequenceNumbers.put(update.productId(), update.sequenceNumber());
                if ((previous == null) != (update.kind() == PriceUpdate.Kind.SNAPSHOT)) {
                    brokenPromises.add("not a snapshot first: " + update);
                }
                if (previous != null && previous >= update.sequenceNumber()) {
                    brokenPromises.add("after #" + previous + ": " + update);
                }
                received.add(update);
            }
            onDelivered(update);
        } finally {
            inside.set(false);
        }
    }

    /** Called after each delivery, on the delivery thread. */
    void onDelivered(PriceUpdate update) {}

    synchronized List<PriceUpdate> received() {
        return List.copyOf(received);
    }

    synchronized int receivedCount() {
        return received.size();
    }

    /** Returns the sequence number of the latest update received for {@code productId}, 0 before any. */
    synchronized long latestSequenceNumber(String productId) {
        return latestSequenceNumbers.getOrDefault(productId, 0L);
    }

    synchronized List<String> brokenPromises() {
        return List.copyOf(brokenPromises);
    }

    private void enter() {
        if (!inside.compareAndSet(false, true)) {
            synchronized (this) {
                brokenPromises.add("called concurrently");
            }
        }
    }
}
