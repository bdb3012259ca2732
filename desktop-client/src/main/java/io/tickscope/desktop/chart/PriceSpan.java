package io.tickscope.desktop.chart;

import org.jspecify.annotations.Nullable;

/**
 * The prices a chart's vertical axis shows, from {@code low} to {@code high}.
 *
 * <p>The chart sets this span itself rather than let chart-fx auto-range: chart-fx ranges an axis from one
 * dimension of a data set, which for candles is the open, so highs and lows above and below every open were
 * drawn off the chart's edge.
 */
record PriceSpan(double low, double high) {

    /** The least half-height of a span, as a share of its price, so that a flat price still has an axis. */
    private static final double FLAT_HALF_HEIGHT = 0.005;

    /**
     * The span of the bars whose start lies between {@code fromMillis} and {@code toMillis}: lows to highs for
     * {@code style} candles, closes for a line; null when no bar lies there.
     */
    static @Nullable PriceSpan ofBars(BarSeries bars, long fromMillis, long toMillis, ChartStyle style) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bars.size(); i++) {
            long start = bars.startMillisAt(i);
            if (start < fromMillis || start > toMillis) {
                continue;
            }
            low = Math.min(low, style == ChartStyle.CANDLES ? bars.lowAt(i) : bars.closeAt(i));
            high = Math.max(high, style == ChartStyle.CANDLES ? bars.highAt(i) : bars.closeAt(i));
        }
        return low > high ? null : new PriceSpan(low, high);
    }

    /** This span with {@code fraction} of its height added above and below; a flat span gets a height. */
    PriceSpan padded(double fraction) {
        double half = (high - low) / 2;
        double centre = low + half;
        double paddedHalf = Math.max(half * (1 + 2 * fraction), Math.abs(centre) * FLAT_HALF_HEIGHT);
        return new PriceSpan(centre - paddedHalf, centre + paddedHalf);
    }

    /** This span about its centre, {@code factor} times as high: below 1 zooms in. */
    PriceSpan scaled(double factor) {
        double centre = (low + high) / 2;
        double half = (high - low) / 2 * factor;
        return new PriceSpan(centre - half, centre + half);
    }
}
