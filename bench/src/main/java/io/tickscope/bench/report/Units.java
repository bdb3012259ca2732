package io.tickscope.bench.report;

import java.util.Locale;

/** The units the harness reports in, and how figures in each are written. */
public final class Units {

    public static final String RATIO = "ratio";
    public static final String MICROS = "us";
    public static final String MILLIS = "ms";
    public static final String NANOS_PER_OP = "ns/op";
    public static final String BYTES = "B";
    public static final String CALLS_PER_SECOND = "calls/s";
    public static final String UPDATES_PER_SECOND = "updates/s";
    public static final String UPDATES_PER_MESSAGE = "updates/message";
    public static final String STREAMS = "streams";
    public static final String COUNT = "count";
    /** Runnable tasks, the unit of the load average. */
    public static final String TASKS = "tasks";

    private Units() {}

    /** Writes {@code value} with as many digits as its size and unit deserve: ratios to three decimals. */
    public static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double size = Math.abs(value);
        String pattern;
        if (RATIO.equals(unit)) {
            pattern = size >= 100 ? "%,.0f" : size >= 10 ? "%.1f" : "%.3f";
        } else {
            pattern = size >= 100 ? "%,.0f" : size >= 10 ? "%.1f" : "%.2f";
        }
        return String.format(Locale.ROOT, pattern, value);
    }
}
