package io.tickscope.desktop.wire;

import java.time.Duration;
import java.util.Locale;

/** How the desktop writes sizes, rates and latencies: short, with units, the same in every view. */
public final class WireFormat {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private WireFormat() {}

    /** Returns {@code bytes} in binary units: "512 B", "1.5 KiB", "23.4 MiB". */
    public static String bytes(long bytes) {
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f B", value)
                : String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /**
     * Returns a latency of {@code micros} microseconds with three significant digits, in the unit that keeps it
     * short: "931 µs", "1.56 ms", "59.4 ms", "613 ms", "2.21 s".
     */
    public static String micros(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        // The bounds are where rounding to three digits would carry into a fourth: 9.996 ms shows as "10.0 ms".
        double millis = micros / 1_000.0;
        if (millis < 9.995) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        if (millis < 99.95) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (millis < 999.5) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1_000);
    }

    /** Returns {@code duration} in milliseconds with three digits after the point: "12.345 ms". */
    public static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1_000_000.0);
    }

    /** Returns a rate per second: "0/s", "3.5/s", "12,345/s". */
    public static String perSecond(double rate) {
        if (rate == 0) {
            return "0/s";
        }
        return rate < 10 ? String.format(Locale.ROOT, "%.1f/s", rate) : String.format(Locale.ROOT, "%,.0f/s", rate);
    }

    /** Returns a count with grouped thousands: "12,345". */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
