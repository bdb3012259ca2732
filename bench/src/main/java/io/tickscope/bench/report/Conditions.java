package io.tickscope.bench.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The conditions a run measured under, recorded beside its figures because on a small shared VM they decide
 * the figures: CPU placement alone moves a loopback round trip by a factor of three.
 *
 * @param startTime when the run started, UTC, in ISO-8601
 * @param mode "full" or "smoke"
 * @param cpuModel the CPU's model name from /proc/cpuinfo
 * @param availableProcessors the processors the JVM may use
 * @param cpusAllowed the CPUs the process may run on (its taskset affinity) from /proc/self/status
 * @param loadAverage the 1, 5 and 15 minute load averages when the run started: other work on the machine
 * @param os operating system name, version and architecture
 * @param jvm the JVM's name and version
 * @param jvmFlags the JVM's command-line flags
 * @param garbageCollectors the collectors the JVM runs
 * @param maxHeapMiB the largest heap the JVM may grow to
 */
public record Conditions(
        String startTime,
        String mode,
        String cpuModel,
        int availableProcessors,
        String cpusAllowed,
        String loadAverage,
        String os,
        String jvm,
        List<String> jvmFlags,
        List<String> garbageCollectors,
        long maxHeapMiB) {

    private static final String UNKNOWN = "unknown";

    public Conditions {
        requireNonNull(startTime, "startTime");
        requireNonNull(mode, "mode");
        requireNonNull(cpuModel, "cpuModel");
        requireNonNull(cpusAllowed, "cpusAllowed");
        requireNonNull(loadAverage, "loadAverage");
        requireNonNull(os, "os");
        requireNonNull(jvm, "jvm");
        jvmFlags = List.copyOf(jvmFlags);
        garbageCollectors = List.copyOf(garbageCollectors);
    }

    /** Reads the conditions of this process and machine now. */
    public static Conditions capture(String mode, Clock clock) {
        return new Conditions(
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                mode,
                cpuModel(readLines(Path.of("/proc/cpuinfo"))),
                Runtime.getRuntime().availableProcessors(),
                cpusAllowed(readLines(Path.of("/proc/self/status"))),
                loadAverage(readLines(Path.of("/proc/loadavg"))),
                System.getProperty("os.name")
                        + ' '
                        + System.getProperty("os.version")
                        + ' '
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + ' ' + System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Returns the 1-minute load average now, or NaN where /proc/loadavg is missing. */
    public static double loadAverageNow() {
        String averages = loadAverage(readLines(Path.of("/proc/loadavg")));
        return UNKNOWN.equals(averages) ? Double.NaN : Double.parseDouble(averages.split(" ")[0]);
    }

    /** Returns the first "model name" of /proc/cpuinfo. */
    static String cpuModel(List<String> cpuinfo) {
        return valueOf(cpuinfo, "model name");
    }

    /** Returns the "Cpus_allowed_list" of /proc/self/status, for example "0-1". */
    static String cpusAllowed(List<String> status) {
        return valueOf(status, "Cpus_allowed_list");
    }

    /** Returns the three load averages of /proc/loadavg. */
    static String loadAverage(List<String> loadavg) {
        if (loadavg.isEmpty()) {
            return UNKNOWN;
        }
        String[] fields = loadavg.get(0).trim().split("\\s+");
        return fields.length < 3 ? UNKNOWN : fields[0] + ' ' + fields[1] + ' ' + fields[2];
    }

    private static String valueOf(List<String> keyValueLines, String key) {
        for (String line : keyValueLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return UNKNOWN;
    }

    /** Reads a file of the /proc file system; an empty list where there is none (not Linux). */
    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
