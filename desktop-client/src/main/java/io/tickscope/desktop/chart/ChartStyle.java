package io.tickscope.desktop.chart;

/** How bars are drawn: each bar's close joined by a line, or each bar as a candle. */
public enum ChartStyle {
    LINE,
    CANDLES
}
