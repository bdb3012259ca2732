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

    /** Returns a latency of {@code micros} microseconds in milliseconds: "0.123 ms", "45.6 ms". */
    public static String micros(long micros) {
        return micros < 10_000
                ? String.format(Locale.ROOT, "%.3f ms", micros / 1_000.0)
                : String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
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
