/**
 * The selected product's price chart: bars filled from the server's history at once, then carried on by the
 * watchlist's live ticks, drawn by chart-fx as candles or a line, with time ranges, zoom, pan and a crosshair.
 */
@NullMarked
package io.tickscope.desktop.chart;

import org.jspecify.annotations.NullMarked;
