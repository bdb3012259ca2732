package io.tickscope.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** CPU time used by this JVM's process: every thread of the servers and clients that share it. */
public final class ProcessCpu {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    /** Returns the CPU nanoseconds this process has used so far. */
    public static long nanos() {
        return OS.getProcessCpuTime();
    }
}
