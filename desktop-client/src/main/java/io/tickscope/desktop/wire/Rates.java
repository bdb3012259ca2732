package io.tickscope.desktop.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns running counts into rates per second between one refresh and the next. Not thread-safe. */
final class Rates<K> {

    private final Map<K, Sample> previous = new HashMap<>();

    /**
     * Returns the rate of {@code key}'s count since the previous call for it, or since {@code sinceNanos} on
     * the first call, and remembers {@code count} at {@code nowNanos} for the next.
     */
    double perSecond(K key, long count, long sinceNanos, long nowNanos) {
        Sample before = previous.put(key, new Sample(count, nowNanos));
        long fromCount = before == null ? 0 : before.count();
        long fromNanos = before == null ? sinceNanos : before.nanos();
        long elapsedNanos = nowNanos - fromNanos;
        return elapsedNanos <= 0 ? 0 : (count - fromCount) * 1e9 / elapsedNanos;
    }

    /** Forgets every key not in {@code live}, so that finished calls do not pile up. */
    void retainOnly(Set<K> live) {
        previous.keySet().retainAll(live);
    }

    private record Sample(long count, long nanos) {}
}
