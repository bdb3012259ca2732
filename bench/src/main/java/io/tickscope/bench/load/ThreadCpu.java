package io.tickscope.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by the live threads of one name, from the JVM's per-thread accounting. Unlike a rate, CPU per
 * unit of work barely moves when other processes take the cores, so it tells whether a change made work cheaper
 * on a busy machine.
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    /** Returns the CPU nanoseconds the live threads named {@code name} have used, or -1 where the JVM cannot tell. */
    public static long nanosOf(String name) {
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                long nanos = THREADS.getThreadCpuTime(thread.getId());
                if (nanos > 0) {
                    total += nanos;
                }
            }
        }
        return total;
    }
}
