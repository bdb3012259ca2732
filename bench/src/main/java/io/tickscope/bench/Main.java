package io.tickscope.bench;

import picocli.CommandLine;

/** Runs the benchmark harness: {@code tickscope-bench --help} lists the flags. */
public final class Main {

    private Main() {}

    /** Logback's property naming its configuration, here a resource of this jar. */
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    public static void main(String[] args) {
        // Before anything logs: the server jar's logback.xml would log every call it serves.
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "tickscope-bench-logback.xml");
        }
        // Exits in every case: client event loops and servers' leftover threads must not keep the JVM alive.
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
