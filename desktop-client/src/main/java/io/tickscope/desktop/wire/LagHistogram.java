package io.tickscope.desktop.wire;

import java.util.List;

/**
 * Draws a delivery lag histogram as a line of bars, one character per bucket (under 1 ms, 2, 5, 10, 20, 50,
 * 100, 200, 500, 1000 ms, and above), each as high as its share of the largest bucket: small enough for a table
 * cell, readable without colour, and copied as text by an export.
 */
final class LagHistogram {

    private static final char[] BARS = {' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private LagHistogram() {}

    /** Returns the bars of {@code counts}; empty when nothing was counted. */
    static String bars(List<Long> counts) {
        long most = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        if (most == 0) {
            return "";
        }
        StringBuilder bars = new StringBuilder(counts.size());
        for (long count : counts) {
            int level = count == 0 ? 0 : (int) Math.max(1, Math.round(count * 8.0 / most));
            bars.append(BARS[level]);
        }
        return bars.toString();
    }
}
