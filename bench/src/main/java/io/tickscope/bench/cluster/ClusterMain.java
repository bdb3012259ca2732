package io.tickscope.bench.cluster;

import picocli.CommandLine;

/** Runs the cluster benchmark: {@code tickscope-cluster-bench --help} lists the flags. */
public final class ClusterMain {

    private ClusterMain() {}

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "tickscope-bench-logback.xml");
        }
        // Exits in every case: channels' event loops must not keep the JVM alive.
        System.exit(new CommandLine(new ClusterBenchCommand()).execute(args));
    }
}
