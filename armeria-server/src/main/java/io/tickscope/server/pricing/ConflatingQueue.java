package io.tickscope.server.pricing;

import org.jspecify.annotations.Nullable;

/**
 * A first-in first-out queue that holds at most one update per slot (one slot per watched product), keeping
 * only the latest: an update for a slot that is already queued replaces the queued one in place, keeping its
 * place in line.
 *
 * <p>A queued snapshot stays a snapshot when a newer change replaces it, so a watcher still sees its first
 * update for every product as a snapshot, only of a newer state. An update older than the queued one (by
 * sequence number) is dropped. Both arrays are sized by the number of slots when the queue is made, so the
 * queue never allocates afterwards and never holds more than one update per slot. Not thread-safe.
 */
final class ConflatingQueue {

    private final @Nullable PriceUpdate[] queuedBySlot;
    /** A ring of the slots that hold an update, oldest first; each queued slot appears exactly once. */
    private final int[] slotRing;

    private int head;
    private int size;

    ConflatingQueue(int slotCount) {
        queuedBySlot = new PriceUpdate[slotCount];
        slotRing = new int[slotCount];
    }

    /** Queues {@code update} in {@code slot}, merging it with the update already queued there. */
    void offer(int slot, PriceUpdate update) {
        PriceUpdate queued = queuedBySlot[slot];
        if (queued == null) {
            queuedBySlot[slot] = update;
            slotRing[(head + size) % slotRing.length] = slot;
            size++;
            return;
        }
        PriceUpdate newer = update.sequenceNumber() > queued.sequenceNumber() ? update : queued;
        boolean snapshot = queued.kind() == PriceUpdate.Kind.SNAPSHOT || update.kind() == PriceUpdate.Kind.SNAPSHOT;
        queuedBySlot[slot] = snapshot ? newer.asSnapshot() : newer;
    }

    /** Removes and returns the update that has waited longest, or {@code null} when the queue is empty. */
    @Nullable
    PriceUpdate poll() {
        if (size == 0) {
            return null;
        }
        int slot = slotRing[head];
        head = (head + 1) % slotRing.length;
        size--;
        PriceUpdate update = queuedBySlot[slot];
        queuedBySlot[slot] = null;
        return update;
    }

    /** Returns how many updates are queued: at most the number of slots. */
    int size() {
        return size;
    }
}
