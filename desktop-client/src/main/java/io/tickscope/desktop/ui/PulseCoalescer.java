package io.tickscope.desktop.ui;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Keeps the latest value per key offered from any thread and applies them on the UI thread in one drain.
 * However fast values arrive, at most one drain is waiting at a time, so the UI queue holds one task per
 * coalescer instead of one per update, and memory is bounded by the number of keys.
 *
 * @param <K> what an update is about, for example a product id
 * @param <V> the update; only the latest per key is applied
 */
public final class PulseCoalescer<K, V> {

    private final ConcurrentHashMap<K, V> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Executor pulseExecutor;
    private final BiConsumer<K, V> apply;

    PulseCoalescer(Executor pulseExecutor, BiConsumer<K, V> apply) {
        this.pulseExecutor = requireNonNull(pulseExecutor, "pulseExecutor");
        this.apply = requireNonNull(apply, "apply");
    }

    /** Records {@code value} as the latest for {@code key}, replacing one not yet applied; any thread. */
    public void offer(K key, V value) {
        latest.put(key, value);
        // Reading before the compare-and-set keeps the hot path free of contended writes while a drain waits.
        if (!drainPending.get() && drainPending.compareAndSet(false, true)) {
            pulseExecutor.execute(this::drain);
        }
    }

    /**
     * Applies every pending value now, on the calling UI thread. A caller that must see the stream's updates
     * before a later event (such as the stream failing) drains first.
     */
    public void drain() {
        // Cleared before reading, so a value offered during the drain schedules the next one.
        drainPending.set(false);
        for (K key : latest.keySet()) {
            // remove(key) takes the value and the entry atomically: a newer value offered meanwhile stays.
            V value = latest.remove(key);
            if (value != null) {
                apply.accept(key, value);
            }
        }
    }
}
