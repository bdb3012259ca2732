package io.tickscope.bench.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Garbage collections of this JVM and the time they took, as the JVM counts them: server and load generator
 * share the JVM, so a collection pauses both, and it shows in tail latencies.
 *
 * @param collections collections of every collector
 * @param millis the time those collections took, as the collectors report it
 */
public record GcActivity(long collections, long millis) {

    /** Returns the collections since the JVM started. */
    public static GcActivity sinceStart() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new GcActivity(collections, millis);
    }

    /** Returns the collections since {@code earlier}. */
    public GcActivity since(GcActivity earlier) {
        return new GcActivity(collections - earlier.collections, millis - earlier.millis);
    }
}
